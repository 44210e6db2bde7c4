// Loads the demo council: sections, demo accounts, the catalogue with targets and England
// comparators, and periods with their values up to `through`. Only the demo seed calls this.
import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { addMonths } from "@/lib/format/dates";
import { seedDemoPacks } from "@/lib/demo/seed-demo-packs";
import { seedDemoNational } from "@/lib/demo/seed-demo-national";
import {
  DEMO_PASSWORD,
  DEMO_SECTIONS,
  DEMO_SUPPRESSED,
  DEMO_USERS,
  demoPanelDate,
  demoTolerance,
  readDemoIndicators,
  readDemoValues,
} from "@/lib/demo/demo-data";

export const DEMO_FIRST_MONTH = "2018-04";
export const DEMO_LAST_LOADED_MONTH = "2019-08";
export const DEMO_LAST_PUBLISHED_MONTH = "2019-07";

/** The demo's child population: the figure its rates per 10,000 imply (CP_PLANS 411 is CP_RATE_10K 82.2). */
export const DEMO_CHILD_POPULATION = 50_000;
export const DEMO_POPULATION_SOURCE = "Demo council: the figure its rates imply";

/**
 * Every calendar year the demo's months reach: from the year before the first month (a rolling
 * twelve months ending in 2018 starts in 2017) to the last month loaded or in its values.
 */
export function demoPopulationYears(through: string, valueMonths: string[]): number[] {
  const last = [through, ...valueMonths].reduce((a, b) => (b > a ? b : a));
  const years: number[] = [];
  for (let y = Number(DEMO_FIRST_MONTH.slice(0, 4)) - 1; y <= Number(last.slice(0, 4)); y++) years.push(y);
  return years;
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0 && (await db.indicator.count()) === 0;
}

/**
 * Empties every table (for tests and `db:seed --reset`), keeping the migration history. The audit
 * trail refuses TRUNCATE (the append_only_audit migration): its trigger is disabled for this one
 * transaction, which only the table's owner or a superuser may do (the seed runs as one; the app's
 * role cannot).
 */
export async function resetDatabase(): Promise<void> {
  const tables = await db.$queryRaw<
    { tablename: string }[]
  >`select tablename from pg_tables where schemaname = current_schema() and tablename <> '_prisma_migrations'`;
  if (!tables.length) return;
  const audit = tables.some((t) => t.tablename === "AuditEvent");
  await db.$transaction(async (tx) => {
    if (audit) await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only_truncate"`);
    await tx.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    if (audit) await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only_truncate"`);
  });
}

export async function seedDemo({ through = DEMO_LAST_LOADED_MONTH, packs = true } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const indicators = readDemoIndicators();
  const values = readDemoValues();

  await db.$transaction(
    async (tx) => {
      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const row = await tx.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash } });
        users.set(u.email, row.id);
      }
      const sections = new Map<string, string>();
      for (const [i, s] of DEMO_SECTIONS.entries()) {
        const row = await tx.section.create({
          data: { name: s.name, slug: s.slug, order: i + 1, owners: { create: [{ userId: users.get(s.owner)! }] } },
        });
        sections.set(s.name, row.id);
      }
      const indicatorIds = new Map<string, string>();
      const orderInSection = new Map<string, number>();
      for (const ind of indicators) {
        const order = (orderInSection.get(ind.section) ?? 0) + 1;
        orderInSection.set(ind.section, order);
        const row = await tx.indicator.create({
          data: {
            code: ind.code,
            name: ind.name,
            sectionId: sections.get(ind.section)!,
            definition: ind.definition,
            unit: ind.unit,
            polarity: ind.polarity,
            measureType: ind.measureType,
            decimals: ind.decimals,
            timescale: ind.timescale,
            timescaleBasis: ind.timescaleBasis,
            dataSource: ind.dataSource,
            suppressSmallNumbers: DEMO_SUPPRESSED.has(ind.code),
            order,
            targets: {
              create:
                ind.target === null ? [] : [{ fromMonth: DEMO_FIRST_MONTH, target: ind.target, tolerance: demoTolerance(ind.target) }],
            },
            comparators: {
              create: ind.england.map((e) => ({
                label: "England",
                periodLabel: e.periodLabel,
                value: e.value,
                source: ind.englandSource,
                notes: ind.englandNotes,
              })),
            },
          },
        });
        indicatorIds.set(ind.code, row.id);
      }
      const adminId = users.get("admin@northbridge.example")!;
      for (let month = DEMO_FIRST_MONTH; month <= through; month = addMonths(month, 1)) {
        const openedAt = new Date(`${addMonths(month, 1)}-01T09:00:00Z`);
        const period = await tx.period.create({
          data: { month, panelMeetingDate: demoPanelDate(month), openedById: adminId, createdAt: openedAt },
        });
        await tx.indicatorValue.createMany({
          data: values
            .filter((v) => v.period === month)
            .map((v) => ({
              indicatorId: indicatorIds.get(v.code)!,
              periodId: period.id,
              value: v.value,
              source: "IMPORT" as const,
              updatedById: adminId,
              updatedByName: "Demo seed",
            })),
        });
      }
      await tx.childPopulation.createMany({
        data: demoPopulationYears(
          through,
          values.map((v) => v.period),
        ).map((year) => ({
          year,
          count: DEMO_CHILD_POPULATION,
          source: DEMO_POPULATION_SOURCE,
          updatedById: adminId,
          updatedByName: "Demo seed",
        })),
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "demo.seeded",
        entityType: "Database",
        entityId: "demo",
        after: { through, indicators: indicators.length },
      });
    },
    { timeout: 60_000 },
  );
  // Before the packs are signed off, so that they carry the published comparators.
  const admin = await db.user.findUniqueOrThrow({
    where: { email: "admin@northbridge.example" },
    select: { id: true, name: true, email: true, role: true },
  });
  await seedDemoNational(admin);
  if (packs) await seedDemoPacks({ firstMonth: DEMO_FIRST_MONTH, publishedThrough: DEMO_LAST_PUBLISHED_MONTH, journeyMonth: through });
}
