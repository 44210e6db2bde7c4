// Loads the benchmark council into an empty database: the demo council (users, sections, 32 indicators)
// widened to 50 indicators and lengthened to BENCH_MONTHS months (default 36: each pack takes ~3 s to sign off on 2 cores, so 120 would take ~6 minutes) ending July 2019, every
// month's pack signed off and published through the real sign-off and publish functions.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { resetDatabase, seedDemo, DEMO_FIRST_MONTH, DEMO_LAST_PUBLISHED_MONTH, DEMO_LAST_LOADED_MONTH } from "@/lib/demo/seed-demo";
import { seedDemoPacks } from "@/lib/demo/seed-demo-packs";

const MONTHS = Number(process.env.BENCH_MONTHS ?? 36);
const INDICATORS = 50;
const started = performance.now();

await resetDatabase();
await seedDemo({ packs: false });
const firstMonth = addMonths(DEMO_LAST_PUBLISHED_MONTH, -(MONTHS - 1));
const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@northbridge.example" } });

// 18 more indicators: copies of the demo ones, in the same sections, so every section grows.
const demo = await db.indicator.findMany({ orderBy: [{ sectionId: "asc" }, { order: "asc" }] });
for (let i = 0; demo.length + i < INDICATORS; i++) {
  const src = demo[i % demo.length];
  await db.indicator.create({
    data: {
      code: `${src.code}_B`,
      name: `${src.name} (benchmark copy)`,
      sectionId: src.sectionId,
      definition: src.definition,
      unit: src.unit,
      polarity: src.polarity,
      measureType: src.measureType,
      decimals: src.decimals,
      timescale: src.timescale,
      timescaleBasis: src.timescaleBasis,
      dataSource: src.dataSource,
      order: 100 + i,
    },
  });
}
const indicators = await db.indicator.findMany({ include: { values: { include: { period: { select: { month: true } } } } } });
const byCode = new Map(indicators.map((i) => [i.code, i]));

// A month's value: the demo value for the same calendar month, varied a little by year.
function valueFor(ind: (typeof indicators)[number], month: string): number {
  const source = ind.values.length ? ind : byCode.get(ind.code.replace(/_B$/, ""))!;
  const same = source.values.filter((v) => v.period.month.slice(5) === month.slice(5));
  const base = Number(same[0]?.value ?? source.values[0]?.value ?? 10);
  const year = Number(month.slice(0, 4));
  const raw = base * (1 + 0.03 * Math.sin(year * 1.7 + ind.order));
  const capped = ind.unit === "PERCENT" ? Math.min(100, raw) : raw;
  return Number(capped.toFixed(ind.decimals));
}

for (let month = firstMonth; month <= DEMO_LAST_LOADED_MONTH; month = addMonths(month, 1)) {
  const period =
    month < DEMO_FIRST_MONTH
      ? await db.period.create({ data: { month, panelMeetingDate: new Date(`${addMonths(month, 2)}-05T00:00:00Z`), openedById: admin.id } })
      : await db.period.findUniqueOrThrow({ where: { month } });
  const missing = indicators.filter((i) => month < DEMO_FIRST_MONTH || !i.values.length);
  await db.indicatorValue.createMany({
    data: missing.map((i) => ({
      indicatorId: i.id,
      periodId: period.id,
      value: valueFor(i, month),
      source: "IMPORT" as const,
      updatedById: admin.id,
      updatedByName: "Benchmark seed",
    })),
  });
}
const loadedAt = performance.now();
await seedDemoPacks({ firstMonth, publishedThrough: DEMO_LAST_PUBLISHED_MONTH, journeyMonth: DEMO_LAST_LOADED_MONTH });
const published = await db.packVersion.count({ where: { publishedAt: { not: null } } });
console.log(
  JSON.stringify({
    months: MONTHS,
    firstMonth,
    indicators: await db.indicator.count(),
    published,
    valuesSeconds: (loadedAt - started) / 1000,
    packsSeconds: (performance.now() - loadedAt) / 1000,
  }),
);
await db.$disconnect();
