import { describe, expect, it } from "vitest";
import { planHistoryImport, type KnownPeriod } from "@/lib/import/history/plan-history-import";
import type { CatalogueEntry } from "@/lib/import/validate-import-rows";
import type { ExistingValue } from "@/lib/import/import-preview";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { csvFile } from "@/test/import-files";

const NOW = new Date(Date.UTC(2026, 11, 1));
const entry = (code: string): CatalogueEntry => ({
  id: `id-${code}`,
  code,
  name: `Name of ${code}`,
  unit: "COUNT",
  decimals: 0,
  active: true,
});
const CATALOGUE = new Map(["CONTACTS", "CP_PLANS"].map((c) => [c, entry(c)]));
const period = (month: string, status: KnownPeriod["status"]): [string, KnownPeriod] => [
  month,
  { id: `p-${month}`, month, status, commentaryFirstSubmittedAt: null },
];

async function plan(text: string, periods: [string, KnownPeriod][], existing = new Map<string, Map<string, ExistingValue>>()) {
  const parsed = await parseImportFile(csvFile(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return planHistoryImport({ table: parsed.table, catalogue: CATALOGUE, periods: new Map(periods), existing, now: NOW });
}

describe("planHistoryImport", () => {
  it("makes months before the first opened one history months, fills open ones, corrects history ones", async () => {
    const result = await plan(
      "code,2019-01,2019-02,2019-03,2019-04\nCONTACTS,1,2,3,4\nCP_PLANS,5,,7,8\n",
      [period("2019-02", "HISTORY"), period("2019-04", "OPEN")],
      new Map([["p-2019-02", new Map([["id-CONTACTS", { id: "v1", value: 9, notAvailableReason: null, note: null, revision: 1 }]])]]),
    );
    if (!result.ok) throw new Error("expected a plan");
    expect(result.plan.months.map((m) => [m.month, m.action, m.periodId, m.counts])).toEqual([
      ["2019-01", "create-history", null, { new: 2, changed: 0, unchanged: 0, error: 0 }],
      ["2019-02", "history", "p-2019-02", { new: 0, changed: 1, unchanged: 0, error: 0 }],
      ["2019-03", "create-history", null, { new: 2, changed: 0, unchanged: 0, error: 0 }],
      ["2019-04", "open", "p-2019-04", { new: 2, changed: 0, unchanged: 0, error: 0 }],
    ]);
    expect(result.plan.errors).toEqual([]);
  });

  it("refuses rows for signed-off and published months, and for months after the first opened that were never opened, with row, column and reason", async () => {
    const result = await plan("code,period,value\nCONTACTS,2019-04,1\nCONTACTS,2019-05,2\nCONTACTS,2019-06,3\nCONTACTS,2019-07,4\n", [
      period("2019-04", "SIGNED_OFF"),
      period("2019-05", "PUBLISHED"),
      period("2019-07", "OPEN"),
    ]);
    if (!result.ok) throw new Error("expected a plan");
    expect(result.plan.errors.map((e) => e.message)).toEqual([
      "Row 2, column period: the April 2019 pack is signed off, so its figures cannot change here: the director must start an amendment, then import the month on its own page",
      "Row 3, column period: the May 2019 pack is published, so its figures cannot change here: the director must start an amendment, then import the month on its own page",
      "Row 4, column period: June 2019 has not been opened: months from April 2019 on must be opened on the periods page before figures can be imported into them",
    ]);
    expect(result.plan.months.find((m) => m.month === "2019-07")?.action).toBe("open");
  });

  it("names the month column of a wide file in a refusal", async () => {
    const result = await plan("code,Apr-19\nCONTACTS,1\n", [period("2019-04", "SIGNED_OFF")]);
    if (!result.ok) throw new Error("expected a plan");
    expect(result.plan.errors[0].message).toMatch(/^Row 2, column Apr-19: the April 2019 pack is signed off/);
  });

  it("refuses rows whose month cannot be read or is out of range, and a long file without a period column", async () => {
    const result = await plan("code,period,value\nCONTACTS,soon,1\nCONTACTS,1999-12,2\nCONTACTS,2019-01,3\n", []);
    if (!result.ok) throw new Error("expected a plan");
    expect(result.plan.errors.map((e) => e.message)).toEqual([
      'Row 2, column period: "soon" is not a month: write it as YYYY-MM, for example 2019-04',
      "Row 3, column period: December 1999 is outside the months that can hold figures (January 2000 to December 2026)",
    ]);
    expect(await plan("code,value\nCONTACTS,1\n", [])).toEqual({ ok: false, error: { code: "missing-column", column: "period" } });
  });

  it("with no period opened yet, every month becomes a history month", async () => {
    const result = await plan("code,period,value\nCONTACTS,2019-01,1\nCONTACTS,2026-11,1\n", []);
    if (!result.ok) throw new Error("expected a plan");
    expect(result.plan.months.map((m) => m.action)).toEqual(["create-history", "create-history"]);
  });
});
