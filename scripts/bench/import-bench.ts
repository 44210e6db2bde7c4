// npm run bench:import: how fast the value import commits 10,000 rows, against a raw bulk insert of
// the same rows through the same driver. Runs on a throwaway test database (see package.json).
// The import changes one month at a time, so 10,000 rows means 10,000 indicators in one month.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { loadCatalogue, loadExistingValues } from "@/lib/import/load-import-context";
import { previewImport } from "@/lib/import/preview-import";
import { confirmImport } from "@/lib/import/confirm-import";
import { addMonths } from "@/lib/format/dates";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FIRST_MONTH = "3000-01";

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString("en-GB");

async function setUp() {
  const admin = await db.user.create({ data: { email: `bench-${Date.now()}@bench.example`, name: "Bench Administrator", role: "ADMIN" } });
  const section = await db.section.create({ data: { name: `Bench ${Date.now()}`, slug: `bench-${Date.now()}`, order: 999 } });
  const codes = Array.from({ length: ROWS }, (_, i) => `BENCH_${String(i).padStart(5, "0")}`);
  await db.indicator.createMany({
    data: codes.map((code, i) => ({
      code,
      name: `Bench indicator ${i}`,
      sectionId: section.id,
      definition: "Synthetic",
      unit: i % 3 === 0 ? "PERCENT" : "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: i % 3 === 0 ? 1 : 0,
      order: i,
    })),
  });
  const indicators = await db.indicator.findMany({
    where: { sectionId: section.id },
    orderBy: { order: "asc" },
    select: { id: true, code: true, unit: true },
  });
  return { actor: { id: admin.id, name: admin.name, email: admin.email, role: admin.role }, indicators };
}

const valueFor = (unit: string, i: number, run: number) => (unit === "PERCENT" ? ((i * 7 + run) % 1000) / 10 : (i * 13 + run) % 5000);

function csvFor(indicators: { code: string; unit: string }[], month: string, run: number): Uint8Array {
  const lines = ["indicator_code,period,value", ...indicators.map((ind, i) => `${ind.code},${month},${valueFor(ind.unit, i, run)}`)];
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

async function main() {
  console.log(`Import benchmark: ${ROWS.toLocaleString("en-GB")} rows, median of ${RUNS} runs\n`);
  const { actor, indicators } = await setUp();
  const indicatorIds = indicators.map((i) => i.id);
  const results = {
    parse: [] as number[],
    validate: [] as number[],
    preview: [] as number[],
    confirm: [] as number[],
    update: [] as number[],
    raw: [] as number[],
    rawWithRevisions: [] as number[],
  };

  for (let run = 0; run <= RUNS; run++) {
    const warmUp = run === 0;
    const month = addMonths(FIRST_MONTH, run * 3);
    const [importPeriod, rawPeriod, rawRevPeriod] = await Promise.all(
      [0, 1, 2].map((k) => db.period.create({ data: { month: addMonths(month, k), panelMeetingDate: new Date("3100-01-01") } })),
    );
    const bytes = csvFor(indicators, month, run);
    const file = { bytes, fileName: "bench.csv", contentType: "text/csv" };

    // The pure stages on their own, for the breakdown.
    const [parsed, parseMs] = await time(() => parseImportFile(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const [catalogue, existing] = await Promise.all([loadCatalogue(db), loadExistingValues(db, importPeriod.id)]);
    const [, validateMs] = await time(() => Promise.resolve(validateImportRows({ table: parsed.table, month, catalogue, existing })));

    // (a) The real flow: upload -> preview (parse, validate, store the batch) -> confirm (re-validate, write).
    const [preview, previewMs] = await time(() => previewImport(actor, month, file));
    if (!preview.ok || preview.preview.errors.length) throw new Error("the benchmark file did not validate");
    const [outcome, confirmMs] = await time(() => confirmImport(actor, preview.batchId));
    if (outcome.created !== ROWS) throw new Error(`expected ${ROWS} new values, got ${outcome.created}`);

    // (a2) The same month again with every value changed: the UPDATE path.
    const changed = { ...file, bytes: csvFor(indicators, month, run + 1) };
    const [, updateMs] = await time(async () => {
      const again = await previewImport(actor, month, changed);
      if (!again.ok) throw new Error("re-import failed");
      const done = await confirmImport(actor, again.batchId);
      if (done.changed !== ROWS) throw new Error(`expected ${ROWS} changed values, got ${done.changed}`);
    });

    // (b) Raw bulk insert of the same rows, same driver: one INSERT ... SELECT FROM unnest.
    const values = parsed.table.rows.map((r) => Number(r.value));
    const [, rawMs] = await time(
      () => db.$executeRaw`
      INSERT INTO "IndicatorValue" (id, "indicatorId", "periodId", value, source, "updatedById", "updatedByName")
      SELECT gen_random_uuid(), u.indicator_id, ${rawPeriod.id}::uuid, u.value, 'IMPORT'::"ValueSource", ${actor.id}::uuid, ${actor.name}
      FROM unnest(${indicatorIds}::uuid[], ${values}::float8[]) AS u(indicator_id, value)`,
    );
    // (b2) Like for like: values and their revision rows, still one statement.
    const [, rawRevMs] = await time(
      () => db.$executeRaw`
      WITH inserted AS (
        INSERT INTO "IndicatorValue" (id, "indicatorId", "periodId", value, source, "updatedById", "updatedByName")
        SELECT gen_random_uuid(), u.indicator_id, ${rawRevPeriod.id}::uuid, u.value, 'IMPORT'::"ValueSource", ${actor.id}::uuid, ${actor.name}
        FROM unnest(${indicatorIds}::uuid[], ${values}::float8[]) AS u(indicator_id, value)
        RETURNING id, value)
      INSERT INTO "ValueRevision" (id, "valueId", revision, "newValue", source, "actorId", "actorName")
      SELECT gen_random_uuid(), id, 1, value, 'IMPORT'::"ValueSource", ${actor.id}::uuid, ${actor.name} FROM inserted`,
    );

    if (warmUp) continue;
    results.parse.push(parseMs);
    results.validate.push(validateMs);
    results.preview.push(previewMs);
    results.confirm.push(confirmMs);
    results.update.push(updateMs);
    results.raw.push(rawMs);
    results.rawWithRevisions.push(rawRevMs);
  }

  const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)])) as Record<keyof typeof results, number>;
  const flow = m.preview + m.confirm;
  const row = (label: string, ms: number) =>
    console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms ${rate(ms).padStart(12)} rows/s`);
  row("  parse the CSV (inside preview)", m.parse);
  row("  validate against catalogue and values (inside preview)", m.validate);
  row("(a) preview: parse + validate + store the batch", m.preview);
  row("(a) confirm: re-validate + insert values and revisions", m.confirm);
  row("(a) import, upload to committed (preview + confirm)", flow);
  row("(a2) re-import changing every value (preview + confirm)", m.update);
  row("(b) raw bulk insert of the values, one statement", m.raw);
  row("(b2) raw bulk insert of values and revisions", m.rawWithRevisions);
  console.log(
    `\nImport vs raw insert: ${(flow / m.raw).toFixed(2)}x the time (${(flow / m.rawWithRevisions).toFixed(2)}x values+revisions); confirm alone ${(m.confirm / m.raw).toFixed(2)}x`,
  );
  await db.$disconnect();
}

await main();
process.exit(0);
