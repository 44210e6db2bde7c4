// Fault tests: the server process dies (SIGKILL) in the middle of an import and in the middle of a
// sign-off. The real domain functions run in child processes on a database of this file's own; after
// each kill the database must hold all of the change or none of it, and the work must then go through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { addMonths } from "@/lib/format/dates";
import { createOwnDatabase } from "@/test/own-database";
import { runChild, type ChildRun } from "@/test/faults/kill-child";
import { anyInstanceOf } from "@/test/matchers";

let own: Awaited<ReturnType<typeof createOwnDatabase>>;
let db: typeof import("@/lib/db").db;
let director: SessionUser;
let admin: SessionUser;

const asSession = (u: { id: string; name: string; email: string; role: SessionUser["role"] }): SessionUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
});

beforeAll(async () => {
  // lib/db makes its client on first use; nothing in this process may have used it yet.
  if ((globalThis as { prisma?: unknown }).prisma !== undefined) throw new Error("lib/db was used before this file set DATABASE_URL");
  own = await createOwnDatabase("faults_kill");
  process.env.DATABASE_URL = own.url;
  db = (await import("@/lib/db")).db;
  director = asSession(await db.user.create({ data: { email: "director@faults.example", name: "Dana Director", role: "DIRECTOR" } }));
  admin = asSession(await db.user.create({ data: { email: "admin@faults.example", name: "Ada Admin", role: "ADMIN" } }));
});

afterAll(async () => {
  await db?.$disconnect();
  await own?.drop();
});

describe("SIGKILL in the middle of a sign-off", () => {
  const INDICATORS = 40;
  const HISTORY_FROM = "2100-01";
  const FIRST_ATTEMPT = "2102-01";
  // Right away, part-way through, and long after it would have committed.
  const DELAYS_MS = [0, 250, 20_000];

  /** One section, 40 indicators with two years of history, and months ready to sign off. */
  async function ready(months: string[]) {
    const lead = await db.user.create({ data: { email: "lead@faults.example", name: "Lee Lead", role: "SERVICE_LEAD" } });
    const section = await db.section.create({
      data: { name: "Faults", slug: "faults", order: 1, owners: { create: [{ userId: lead.id }] } },
    });
    await db.indicator.createMany({
      data: Array.from({ length: INDICATORS }, (_, i) => ({
        code: `FLT_${i}`,
        name: `Fault indicator ${i}`,
        sectionId: section.id,
        definition: "d",
        unit: i % 2 ? ("PERCENT" as const) : ("COUNT" as const),
        polarity: i % 2 ? ("HIGHER_IS_BETTER" as const) : ("NEITHER" as const),
        measureType: "MONTHLY_COUNT" as const,
        decimals: i % 2,
        order: i,
      })),
    });
    const indicators = await db.indicator.findMany({ where: { sectionId: section.id } });
    const all = [...Array.from({ length: 24 }, (_, k) => addMonths(HISTORY_FROM, k)), ...months];
    for (const [k, month] of all.entries()) {
      const period = await db.period.create({ data: { month, panelMeetingDate: new Date("2200-01-01") } });
      await db.indicatorValue.createMany({
        data: indicators.map((ind, i) => ({
          indicatorId: ind.id,
          periodId: period.id,
          value: (i * 7 + k * 3) % 90,
          source: "ENTRY" as const,
          updatedByName: "t",
        })),
      });
      if (months.includes(month)) {
        await db.commentary.create({
          data: {
            sectionId: section.id,
            periodId: period.id,
            body: `Commentary for ${month}.`,
            status: "APPROVED",
            version: 3,
            approvedAt: new Date(),
            approvedById: director.id,
          },
        });
      }
    }
  }

  async function state(month: string) {
    const period = await db.period.findUniqueOrThrow({ where: { month }, include: { packVersions: true } });
    const audits = await db.auditEvent.count({ where: { action: "pack.signedOff", periodMonth: month } });
    return { status: period.status, version: period.version, packs: period.packVersions, audits };
  }

  /** All or nothing: a complete version with a valid hash and the period signed off, or nothing new. */
  async function expectConsistent(month: string, run: ChildRun) {
    const { verifyContentHash } = await import("@/lib/pack/snapshot/content-hash");
    const s = await state(month);
    const packs = s.packs.map((p) => ({
      version: p.version,
      hashVerifies: verifyContentHash(p.snapshot, p.contentHash),
      sections: (p.snapshot as { sections: unknown[] }).sections.length,
    }));
    expect({ status: s.status, version: s.version, audits: s.audits, packs, committed: run.committed }).toBeOneOf([
      { status: "OPEN", version: 1, audits: 0, packs: [], committed: false },
      {
        status: "SIGNED_OFF",
        version: 2,
        audits: 1,
        packs: [{ version: 1, hashVerifies: true, sections: 1 }],
        committed: anyInstanceOf(Boolean),
      },
    ]);
    return packs.length === 0 ? ("none" as const) : ("all" as const);
  }

  it("leaves either a complete signed-off version or the period as it was, then signs off after the restart", async () => {
    const months = DELAYS_MS.map((_, k) => addMonths(FIRST_ATTEMPT, k));
    await ready(months);
    const outcomes: { delay: number; run: ChildRun; result: "none" | "all" }[] = [];
    for (const [k, delay] of DELAYS_MS.entries()) {
      const run = await runChild(own.url, "test/faults/children/sign-off-child.ts", [months[k], "1", director.email], {
        killAfterWriteMs: delay,
      });
      outcomes.push({ delay, run, result: await expectConsistent(months[k], run) });
    }
    // At least one kill landed inside the open transaction, and nothing of it was kept.
    const midTransaction = outcomes.filter((o) => o.run.killed && o.run.openAtKill && o.result === "none");
    expect(
      midTransaction.length,
      JSON.stringify(outcomes.map((o) => ({ delay: o.delay, killed: o.run.killed, open: o.run.openAtKill, result: o.result }))),
    ).toBeGreaterThan(0);

    expect(outcomes.at(-1)!.result).toBe("all");

    // "Restart": a new process signs off a month a kill left open, with nothing stuck locked.
    {
      const month = months[outcomes.indexOf(midTransaction[0])];
      const again = await runChild(own.url, "test/faults/children/sign-off-child.ts", [month, "1", director.email]);
      expect(again.committed).toBe(true);
      expect(await expectConsistent(month, again)).toBe("all");
    }
  }, 110_000);
});

describe("SIGKILL in the middle of an import", () => {
  const ROWS = 3000;
  const FIRST_MONTH = "2110-01";
  const DELAYS_MS = [0, 300, 60_000];

  async function previewed(month: string) {
    const { previewImport } = await import("@/lib/import/preview-import");
    await db.period.create({ data: { month, panelMeetingDate: new Date("2200-01-01") } });
    const lines = ["indicator_code,period,value", ...Array.from({ length: ROWS }, (_, i) => `IMP_${i},${month},${(i * 13) % 5000}`)];
    const preview = await previewImport(admin, month, {
      bytes: new TextEncoder().encode(lines.join("\r\n") + "\r\n"),
      fileName: "big.csv",
      contentType: "text/csv",
    });
    if (!preview.ok || preview.preview.errors.length)
      throw new Error(`the test file did not validate: ${JSON.stringify(preview).slice(0, 500)}`);
    return preview.batchId;
  }

  async function expectConsistent(month: string, batchId: string, run: ChildRun) {
    const period = await db.period.findUniqueOrThrow({ where: { month } });
    const values = await db.indicatorValue.count({ where: { periodId: period.id } });
    const revisions = await db.valueRevision.count({ where: { value: { periodId: period.id } } });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    const audits = await db.auditEvent.count({ where: { action: "values.imported", entityId: batchId } });
    expect({ values, revisions, status: batch.status, audits, committed: run.committed }).toBeOneOf([
      { values: 0, revisions: 0, status: "PENDING", audits: 0, committed: false },
      { values: ROWS, revisions: ROWS, status: "COMMITTED", audits: 1, committed: anyInstanceOf(Boolean) },
    ]);
    return values === 0 ? ("none" as const) : ("all" as const);
  }

  it("keeps all of a 3,000-row import or none of it, then imports it after the restart", async () => {
    const section = await db.section.create({ data: { name: "Imports", slug: "imports", order: 2 } });
    await db.indicator.createMany({
      data: Array.from({ length: ROWS }, (_, i) => ({
        code: `IMP_${i}`,
        name: `Import indicator ${i}`,
        sectionId: section.id,
        definition: "d",
        unit: "COUNT" as const,
        polarity: "NEITHER" as const,
        measureType: "MONTHLY_COUNT" as const,
        decimals: 0,
        order: i,
      })),
    });
    const outcomes: { month: string; batchId: string; delay: number; run: ChildRun; result: "none" | "all" }[] = [];
    for (const [k, delay] of DELAYS_MS.entries()) {
      const month = addMonths(FIRST_MONTH, k);
      const batchId = await previewed(month);
      const run = await runChild(own.url, "test/faults/children/confirm-import-child.ts", [batchId, admin.email], {
        killAfterWriteMs: delay,
      });
      outcomes.push({ month, batchId, delay, run, result: await expectConsistent(month, batchId, run) });
    }
    const summary = JSON.stringify(
      outcomes.map((o) => ({ delay: o.delay, after: o.run.killedAfterMs, killed: o.run.killed, open: o.run.openAtKill, result: o.result })),
    );
    const midTransaction = outcomes.filter((o) => o.run.killed && o.run.openAtKill && o.result === "none");
    expect(midTransaction.length, summary).toBeGreaterThan(0);
    expect(outcomes.at(-1)!.result, summary).toBe("all");

    // "Restart": the same previewed batch is still pending, and a new process commits all of it.
    const { month, batchId } = midTransaction[0];
    const again = await runChild(own.url, "test/faults/children/confirm-import-child.ts", [batchId, admin.email]);
    expect(again.committed).toBe(true);
    expect(await expectConsistent(month, batchId, again)).toBe("all");
  }, 110_000);
});
