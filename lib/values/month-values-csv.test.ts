import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import type { Unit } from "@/lib/generated/prisma/enums";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { loadCatalogue, loadExistingValues } from "@/lib/import/load-import-context";
import {
  exportMonthValuesCsv,
  formatMonthValuesCsv,
  formatStoredValue,
  provenanceSummary,
  type MonthValueRow,
} from "@/lib/values/month-values-csv";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";
import { csvFile } from "@/test/import-files";

const COMPUTED = {
  kind: "annex-a",
  asAt: "2020-03-31",
  coversFrom: "2018-10-01",
  fileSha256: "ab".repeat(32),
  rulesVersion: "2026-12.1",
  numerator: 351,
  denominator: 505,
  words: "351 of 505 assessments",
  rule: "The rule.",
  computedAt: "2020-04-02T10:00:00.000Z",
};
const HEADER = "\uFEFFindicator_code,period,value,note,indicator_name,unit,source,updated_by,updated_at,provenance\r\n";
const AT = new Date("2020-04-03T09:15:00.000Z");
const row = (over: Partial<MonthValueRow>): MonthValueRow => ({
  code: "CONTACTS",
  name: "Contacts received",
  unit: "COUNT",
  value: 1337,
  notAvailableReason: null,
  note: null,
  source: "ENTRY",
  updatedByName: "Ann Analyst",
  updatedAt: AT,
  provenance: null,
  ...over,
});

describe("formatMonthValuesCsv", () => {
  it("writes the import's columns first, then the ones it ignores, with a byte order mark and CRLF", () => {
    expect(formatMonthValuesCsv("2020-03", [row({})])).toBe(
      `${HEADER}CONTACTS,2020-03,1337,,Contacts received,Number,Entered,Ann Analyst,2020-04-03T09:15:00.000Z,\r\n`,
    );
  });

  it("writes a figure not available as an empty value with its reason in note, and leaves out a row with no figure", () => {
    const csv = formatMonthValuesCsv("2020-03", [
      row({ value: null, notAvailableReason: "System outage", note: "its own note" }),
      row({ code: "EMPTY", value: null, notAvailableReason: null }),
    ]);
    expect(csv.split("\r\n").slice(1, -1)).toEqual([
      "CONTACTS,2020-03,,System outage,Contacts received,Number,Entered,Ann Analyst,2020-04-03T09:15:00.000Z,",
    ]);
  });

  it("writes numbers as stored: not rounded or padded to the indicator's places, never in exponent form", () => {
    expect([58.5, 70, 934.25, 0, -0, 66.66666, 1e-7, 123456789].map(formatStoredValue)).toEqual([
      "58.5",
      "70",
      "934.25",
      "0",
      "0",
      "66.66666",
      "0.0000001",
      "123456789",
    ]);
    const csv = formatMonthValuesCsv("2020-03", [
      row({ code: "PCT", unit: "PERCENT", value: 58.5 }),
      row({ code: "RATE", unit: "RATE_PER_10K", value: 934.25 }),
    ]);
    expect(csv).toContain("\r\nPCT,2020-03,58.5,,Contacts received,Percentage,");
    expect(csv).toContain('\r\nRATE,2020-03,934.25,,Contacts received,"Rate per 10,000 children",Entered,');
  });

  it("quotes commas, quotes and line breaks, and makes formula-like text inert", () => {
    const csv = formatMonthValuesCsv("2020-03", [
      row({ note: 'Late, "provisional"\nsee email', name: '=HYPERLINK("http://x")', updatedByName: "@admin", provenance: null }),
    ]);
    expect(csv.split("\r\n")[1]).toBe(
      `CONTACTS,2020-03,1337,"Late, ""provisional""\nsee email","'=HYPERLINK(""http://x"")",Number,Entered,'@admin,2020-04-03T09:15:00.000Z,`,
    );
  });

  it("renders a computed value's provenance in words, and nothing for any other value", () => {
    expect(provenanceSummary(null)).toBe("");
    expect(provenanceSummary(COMPUTED)).toBe(
      `Computed from Annex A lists as at 31 March 2020 (file SHA-256 ${"ab".repeat(6)}…, rules version 2026-12.1): 351 of 505 assessments`,
    );
    expect(provenanceSummary({ ...COMPUTED, fileSha256: "not a hash" })).toBe("");
    expect(provenanceSummary({ numerator: 3, denominator: 4 })).toBe("");
    expect(provenanceSummary(["summary"])).toBe("");
    expect(provenanceSummary("text")).toBe("");
  });
});

describe("exportMonthValuesCsv (database)", () => {
  async function setup() {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const [first, second] = [await createSection(), await createSection()];
    await db.section.update({ where: { id: first.id }, data: { order: 1 } });
    await db.section.update({ where: { id: second.id }, data: { order: 2 } });
    const indicator = (sectionId: string, order: number, unit: Unit = "COUNT", decimals = 0, active = true) => {
      const code = unique("CSV").toUpperCase().replace(/-/g, "_");
      return db.indicator.create({
        data: {
          code,
          name: `Indicator ${code}`,
          sectionId,
          definition: "For tests",
          unit,
          polarity: "NEITHER",
          measureType: "MONTHLY_COUNT",
          decimals,
          order,
          active,
        },
      });
    };
    // Created out of catalogue order, to see the file put them back in it.
    const later = await indicator(second.id, 1);
    const rate = await indicator(first.id, 3, "RATE_PER_10K", 2);
    const count = await indicator(first.id, 1);
    const pct = await indicator(first.id, 2, "PERCENT", 1);
    const notAvailable = await indicator(second.id, 2, "PERCENT", 1);
    const noValue = await indicator(second.id, 3);
    const retired = await indicator(second.id, 4, "COUNT", 0, false);
    const period = await createPeriod();
    const put = (indicatorId: string, data: { value: number | null; notAvailableReason?: string; note?: string; provenance?: object }) =>
      db.indicatorValue.create({ data: { periodId: period.id, indicatorId, source: "IMPORT", updatedByName: "Ann Analyst", ...data } });
    await put(count.id, { value: 1337, note: 'Late, "provisional"\nsee email' });
    await put(pct.id, { value: 58.5, provenance: COMPUTED });
    await put(rate.id, { value: 934.25 });
    await put(later.id, { value: 0 });
    await put(notAvailable.id, { value: null, notAvailableReason: "System outage, figures due next month" });
    await put(retired.id, { value: 5 });
    return { admin, period, month: period.month, codes: { count, pct, rate, later, notAvailable, noValue, retired } };
  }

  async function reimport(body: string, month: string, periodId: string) {
    const parsed = await parseImportFile(csvFile(body, `values-${month}.csv`));
    if (!parsed.ok) throw new Error(`expected rows, got ${JSON.stringify(parsed.error)}`);
    const result = validateImportRows({
      table: parsed.table,
      month,
      catalogue: await loadCatalogue(db),
      existing: await loadExistingValues(db, periodId),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.preview;
  }

  it("gives every stored figure of an active indicator in catalogue order, and the import reads each back as unchanged", async () => {
    const { admin, period, month, codes } = await setup();
    const file = await exportMonthValuesCsv(admin, month);
    expect(file.filename).toMatch(new RegExp(`^[a-z0-9-]+-values-${month}\\.csv$`));
    const lines = file.body.split(/\r\n(?=[A-Z0-9_]+,)/);
    expect(lines.map((l) => l.split(",")[0])).toEqual([
      "\uFEFFindicator_code",
      codes.count.code,
      codes.pct.code,
      codes.rate.code,
      codes.later.code,
      codes.notAvailable.code,
    ]);
    expect(file.body).toContain(`\r\n${codes.pct.code},${month},58.5,,Indicator ${codes.pct.code},Percentage,Imported,Ann Analyst,`);
    expect(file.body).toContain(`,"${provenanceSummary(COMPUTED)}"\r\n`);
    expect(file.body).toContain(`\r\n${codes.notAvailable.code},${month},,"System outage, figures due next month",`);

    const preview = await reimport(file.body, month, period.id);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: 5, error: 0 });
    expect(preview.rows.map((r) => [r.indicator?.code, r.status])).toEqual(
      [codes.count, codes.pct, codes.rate, codes.later, codes.notAvailable].map((i) => [i.code, "unchanged"]),
    );
  });

  it("keeps a note a spreadsheet would run as a formula inert in the file, and the import reads it back as it was", async () => {
    const { admin, period, month, codes } = await setup();
    await db.indicatorValue.update({
      where: { indicatorId_periodId: { indicatorId: codes.count.id, periodId: period.id } },
      data: { note: '=HYPERLINK("http://x")' },
    });
    await db.indicatorValue.update({
      where: { indicatorId_periodId: { indicatorId: codes.rate.id, periodId: period.id } },
      data: { note: "-2% on last month; down 3, -5 on last year" },
    });
    const file = await exportMonthValuesCsv(admin, month);
    expect(file.body).toContain(`\r\n${codes.count.code},${month},1337,"'=HYPERLINK(""http://x"")",`);
    const preview = await reimport(file.body, month, period.id);
    expect(file.body).toContain(`"'-2% on last month; down 3, '-5 on last year"`);
    expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: 5, error: 0 });
  });

  it("is for staff who may see the month, and names a month that is not there", async () => {
    const { month } = await setup();
    for (const role of ["SERVICE_LEAD", "DIRECTOR"] as const) {
      await expect(exportMonthValuesCsv((await createTestUser(role)).sessionUser, month)).resolves.toMatchObject({
        body: stringContaining("indicator_code"),
      });
    }
    await expect(exportMonthValuesCsv((await createTestUser("PANEL_MEMBER")).sessionUser, month)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportMonthValuesCsv(null, month)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const admin = (await createTestUser("ADMIN")).sessionUser;
    await expect(exportMonthValuesCsv(admin, uniqueMonth())).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const bad of ["2020-13", "2020-3", "values", "../2020-03"])
      await expect(exportMonthValuesCsv(admin, bad)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
