import { describe, expect, it } from "vitest";
import { anyInstanceOf } from "@/test/matchers";
import { validateImportRows, type CatalogueEntry } from "@/lib/import/validate-import-rows";
import type { ExistingValue } from "@/lib/import/import-preview";
import type { ImportTable, RawRow } from "@/lib/import/import-table";

const MONTH = "2019-09";
const entry = (code: string, unit: CatalogueEntry["unit"], decimals: number, active = true): CatalogueEntry => ({
  id: `id-${code}`,
  code,
  name: `Name of ${code}`,
  unit,
  decimals,
  active,
});
const CATALOGUE = new Map(
  [
    entry("CONTACTS", "COUNT", 0),
    entry("ASSESS_45WD_PCT", "PERCENT", 1),
    entry("REFERRALS_RATE_10K", "RATE_PER_10K", 1),
    entry("CP_PLANS", "COUNT", 0),
    entry("CLA_NUMBER", "COUNT", 0),
    entry("OLD_MEASURE", "COUNT", 0, false),
  ].map((e) => [e.code, e]),
);

type Cells = [code: string, period: string | null, value: string, note?: string | null];
function tableOf(rows: Cells[], headers: Partial<ImportTable["headers"]> = {}): ImportTable {
  const hasPeriod = rows.some((r) => r[1] !== null);
  const hasNote = rows.some((r) => r[3] !== undefined);
  return {
    kind: "csv",
    headers: { code: "indicator_code", value: "value", period: hasPeriod ? "period" : null, note: hasNote ? "note" : null, ...headers },
    rows: rows.map(([code, period, value, note], i): RawRow => ({
      row: i + 2,
      code,
      period,
      value,
      note: hasNote ? (note ?? "") : null,
      problems: [],
    })),
  };
}
const existingOf = (values: Record<string, Partial<ExistingValue>>) =>
  new Map(
    Object.entries(values).map(([code, v]) => [
      `id-${code}`,
      { id: `value-${code}`, value: null, notAvailableReason: null, note: null, revision: 1, ...v },
    ]),
  );

function preview(table: ImportTable, existing = new Map<string, ExistingValue>()) {
  const result = validateImportRows({ table, month: MONTH, catalogue: CATALOGUE, existing });
  if (!result.ok) throw new Error(`expected a preview, got ${JSON.stringify(result.error)}`);
  return result.preview;
}
const messages = (p: ReturnType<typeof preview>) => p.errors.map((e) => e.message);

describe("validateImportRows", () => {
  it("sorts rows into new, changed (with the old value) and unchanged", () => {
    const p = preview(
      tableOf([
        ["CONTACTS", MONTH, "1,337"],
        ["assess_45wd_pct", MONTH, "58.0%"],
        ["CP_PLANS", MONTH, "456"],
      ]),
      existingOf({ ASSESS_45WD_PCT: { value: 61.2, revision: 3 }, CP_PLANS: { value: 456 } }),
    );
    expect(p.rows.map((r) => [r.row, r.indicator?.code, r.status, r.previous?.value ?? null, r.next?.value])).toEqual([
      [2, "CONTACTS", "new", null, 1337],
      [3, "ASSESS_45WD_PCT", "changed", 61.2, 58],
      [4, "CP_PLANS", "unchanged", 456, 456],
    ]);
    expect(p.rows[1].previous).toMatchObject({ id: "value-ASSESS_45WD_PCT", revision: 3 });
    expect(p.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 0 });
    expect(p.errors).toEqual([]);
  });

  it("names the row, the column and the reason for bad numbers and out-of-range values", () => {
    const p = preview(
      tableOf([
        ["CONTACTS", MONTH, "12.5"],
        ["ASSESS_45WD_PCT", MONTH, "100.1"],
        ["CP_PLANS", MONTH, "-3"],
        ["REFERRALS_RATE_10K", MONTH, "934.25"],
        ["CLA_NUMBER", MONTH, "lots"],
      ]),
    );
    expect(messages(p)).toEqual([
      "Row 2, column value: the value for CONTACTS must be a whole number (got 12.5)",
      "Row 3, column value: the value for ASSESS_45WD_PCT is a percentage, so must be from 0 to 100 (got 100.1)",
      "Row 4, column value: the value for CP_PLANS must be 0 or more (got -3)",
      "Row 5, column value: the value for REFERRALS_RATE_10K has more than 1 decimal place (got 934.25)",
      'Row 6, column value: "lots" is not a number',
    ]);
    expect(p.errors[0]).toEqual({ row: 2, column: "value", message: anyInstanceOf(String) });
    expect(p.counts.error).toBe(5);
    expect(p.rows.every((r) => r.status === "error" && r.next === null)).toBe(true);
  });

  it("refuses unknown, empty and retired indicator codes, quoting the file's header", () => {
    const p = preview(
      tableOf(
        [
          ["NOT_A_CODE", null, "1"],
          ["", null, "2"],
          ["OLD_MEASURE", null, "3"],
        ],
        { code: "code" },
      ),
    );
    expect(messages(p)).toEqual([
      'Row 2, column code: "NOT_A_CODE" is not an indicator code in the catalogue',
      "Row 3, column code: enter an indicator code",
      "Row 4, column code: OLD_MEASURE is retired, so it takes no new values",
    ]);
  });

  it("refuses a period cell that is empty or not a month", () => {
    const p = preview(
      tableOf([
        ["CONTACTS", "", "1"],
        ["CP_PLANS", "Sept", "2"],
        ["ASSESS_45WD_PCT", "Sep-19", "50"],
      ]),
    );
    expect(messages(p)).toEqual([
      "Row 2, column period: enter the month, for example 2019-09",
      'Row 3, column period: "Sept" is not a month: write it as YYYY-MM, for example 2019-09',
    ]);
    expect(p.rows[2].status).toBe("new");
  });

  it("leaves out rows for other months, counting them, and refuses a file with none for this month", () => {
    const p = preview(
      tableOf([
        ["CONTACTS", "2019-08", "1"],
        ["CONTACTS", MONTH, "2"],
        ["CONTACTS", "2019-10", "3"],
        ["CP_PLANS", "2019-10", "x"],
      ]),
    );
    expect(p.rows.map((r) => r.row)).toEqual([3]);
    expect(p.skipped).toEqual({ rows: 3, months: ["2019-08", "2019-10"] });
    const none = validateImportRows({
      table: tableOf([
        ["CONTACTS", "2019-08", "1"],
        ["CONTACTS", "2019-07", "1"],
      ]),
      month: MONTH,
      catalogue: CATALOGUE,
      existing: new Map(),
    });
    expect(none).toEqual({ ok: false, error: { code: "no-rows-for-month", month: MONTH, otherMonths: ["2019-07", "2019-08"] } });
  });

  it("names every row of a duplicate", () => {
    const p = preview(
      tableOf([
        ["CONTACTS", MONTH, "1"],
        ["CP_PLANS", MONTH, "2"],
        ["contacts", MONTH, "3"],
        ["CP_PLANS", MONTH, "2"],
        ["CP_PLANS", "2019-09-01", "2"],
        ["CP_PLANS", "Sept", "2"],
      ]),
    );
    expect(messages(p)).toEqual([
      "Row 2, column indicator_code: CONTACTS appears twice for September 2019 (rows 2 and 4)",
      "Row 3, column indicator_code: CP_PLANS appears 3 times for September 2019 (rows 3, 5 and 6)",
      "Row 4, column indicator_code: CONTACTS appears twice for September 2019 (rows 2 and 4)",
      "Row 5, column indicator_code: CP_PLANS appears 3 times for September 2019 (rows 3, 5 and 6)",
      "Row 6, column indicator_code: CP_PLANS appears 3 times for September 2019 (rows 3, 5 and 6)",
      'Row 7, column period: "Sept" is not a month: write it as YYYY-MM, for example 2019-09',
    ]);
  });

  it("keeps duplicate messages short when a code repeats thousands of times", () => {
    const rows = Array.from({ length: 40_000 }, (): Cells => ["CONTACTS", MONTH, "1"]);
    const started = performance.now();
    const p = preview(tableOf(rows));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(p.counts.error).toBe(40_000);
    expect(p.errors[0].message).toBe(
      "Row 2, column indicator_code: CONTACTS appears 40000 times for September 2019 (rows 2, 3, 4, 5, 6 and 39,995 more)",
    );
  });

  it("lists every problem on a row in column order", () => {
    const p = preview(tableOf([["NOPE", "13/2019", "abc", "x".repeat(1001)]]));
    expect(p.rows[0].errors.map((e) => e.column)).toEqual(["indicator_code", "period"]);
  });

  it("imports an empty value with a note as not available, the note being the reason", () => {
    const p = preview(
      tableOf([
        ["CONTACTS", MONTH, "", "System outage: figure not extracted"],
        ["CP_PLANS", MONTH, "n/a", "Late return"],
      ]),
      existingOf({ CP_PLANS: { value: 456 } }),
    );
    expect(p.rows.map((r) => [r.status, r.next])).toEqual([
      ["new", { value: null, notAvailableReason: "System outage: figure not extracted" }],
      ["changed", { value: null, notAvailableReason: "Late return" }],
    ]);
  });

  it("refuses an empty value without a reason, and an over-long reason or note", () => {
    expect(messages(preview(tableOf([["CONTACTS", MONTH, ""]])))).toEqual([
      "Row 2, column value: enter a value for CONTACTS (to mark it not available, leave the value empty and give the reason in a note column)",
    ]);
    expect(
      messages(
        preview(
          tableOf([
            ["CONTACTS", MONTH, "", ""],
            ["CP_PLANS", MONTH, "", "r".repeat(501)],
            ["ASSESS_45WD_PCT", MONTH, "50", "n".repeat(1001)],
          ]),
        ),
      ),
    ).toEqual([
      "Row 2, column value: enter a value for CONTACTS, or give the reason it is not available in the note column",
      "Row 3, column note: the reason CP_PLANS is not available must be 500 characters or fewer (it has 501)",
      "Row 4, column note: the note must be 1000 characters or fewer (it has 1001)",
    ]);
  });

  it("with a note column, a row's note replaces the stored note; without one, notes are left alone", () => {
    const existing = existingOf({ CONTACTS: { value: 10, note: "Provisional" }, CP_PLANS: { value: 20, note: "Provisional" } });
    const withNotes = preview(
      tableOf([
        ["CONTACTS", MONTH, "10", ""],
        ["CP_PLANS", MONTH, "20", "Provisional"],
      ]),
      existing,
    );
    expect(withNotes.rows.map((r) => [r.status, r.next?.note])).toEqual([
      ["changed", null],
      ["unchanged", "Provisional"],
    ]);
    const without = preview(tableOf([["CONTACTS", MONTH, "10"]]), existing);
    expect(without.rows[0].status).toBe("unchanged");
    expect(without.rows[0].next).toEqual({ value: 10, notAvailableReason: null, note: undefined });
  });

  it("turns cells the parser could not read into errors on their row", () => {
    const table = tableOf([["CONTACTS", MONTH, "#DIV/0!"]]);
    table.rows[0].problems.push({ column: "value", reason: "the cell shows the Excel error #DIV/0!" });
    expect(messages(preview(table))).toEqual(["Row 2, column value: the cell shows the Excel error #DIV/0!"]);
  });
});

describe("the demo's values.csv (code,period,value for 24 months)", () => {
  it("imports cleanly into each of its months: that month's 32 rows, the other months left out", async () => {
    const { parseImportFile } = await import("@/lib/import/parse-import-file");
    const { readDemoIndicators, readDemoValues } = await import("@/lib/demo/demo-data");
    const fs = await import("node:fs");
    const parsed = await parseImportFile({
      bytes: fs.readFileSync("prisma/seed/data/values.csv"),
      fileName: "values.csv",
      contentType: "text/csv",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const catalogue = new Map(
      readDemoIndicators().map((d) => [
        d.code,
        { id: `id-${d.code}`, code: d.code, name: d.name, unit: d.unit, decimals: d.decimals, active: true },
      ]),
    );
    const values = readDemoValues();
    const months = [...new Set(values.map((v) => v.period))];
    expect(months).toHaveLength(24);
    for (const month of months) {
      const result = validateImportRows({ table: parsed.table, month, catalogue, existing: new Map() });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.preview.counts, month).toEqual({ new: 32, changed: 0, unchanged: 0, error: 0 });
      expect(result.preview.skipped.rows).toBe(736);
    }
    // A month the seed already loaded: every row unchanged.
    const august = new Map(
      values
        .filter((v) => v.period === "2019-08")
        .map((v) => [`id-${v.code}`, { id: `v-${v.code}`, value: v.value, notAvailableReason: null, note: null, revision: 1 }]),
    );
    const again = validateImportRows({ table: parsed.table, month: "2019-08", catalogue, existing: august });
    expect(again.ok && again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 32, error: 0 });
  });
});
