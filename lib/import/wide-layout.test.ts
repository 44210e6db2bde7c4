// Wide scorecards (one row per indicator, one column per month) through the real parser and validator.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { validateImportRows, type CatalogueEntry } from "@/lib/import/validate-import-rows";
import { describeFileError } from "@/lib/import/file-errors";
import { formatMonth } from "@/lib/format/dates";
import { csvFile, xlsxFile } from "@/test/import-files";

async function table(file: Parameters<typeof parseImportFile>[0]) {
  const parsed = await parseImportFile(file);
  if (!parsed.ok) throw new Error(`expected rows, got ${JSON.stringify(parsed.error)}`);
  return parsed.table;
}
async function fileError(file: Parameters<typeof parseImportFile>[0]) {
  const parsed = await parseImportFile(file);
  if (parsed.ok) throw new Error("expected a file error");
  return parsed.error;
}
const entry = (code: string, name: string, unit: CatalogueEntry["unit"] = "COUNT", decimals = 0): CatalogueEntry => ({
  id: `id-${code}`,
  code,
  name,
  unit,
  decimals,
  active: true,
});
const CATALOGUE = new Map(
  [
    entry("CONTACTS", "Contacts received"),
    entry("CP_PLANS", "Children on a child protection plan"),
    entry("ASSESS_PCT", "Assessments in 45 working days", "PERCENT", 1),
    entry("DUP_A", "Same name"),
    entry("DUP_B", "Same name"),
  ].map((e) => [e.code, e]),
);

describe("wide layout: parsing", () => {
  it("turns one row per indicator and one column per month into one row per (indicator, month), skipping empty cells and other columns", async () => {
    const t = await table(
      csvFile(
        "indicator_code,Indicator,Unit,Apr-19,May 2019,2019-06,07/2019\nCONTACTS,Contacts received,count,1337,1402,,1290\nCP_PLANS,,,456,460,470,\n",
      ),
    );
    expect(t.layout).toBe("wide");
    expect(t.rows.map((r) => [r.row, r.code, r.name, r.period, r.value, r.valueHeader])).toEqual([
      [2, "CONTACTS", "Contacts received", "2019-04", "1337", "Apr-19"],
      [2, "CONTACTS", "Contacts received", "2019-05", "1402", "May 2019"],
      [2, "CONTACTS", "Contacts received", "2019-07", "1290", "07/2019"],
      [3, "CP_PLANS", "", "2019-04", "456", "Apr-19"],
      [3, "CP_PLANS", "", "2019-05", "460", "May 2019"],
      [3, "CP_PLANS", "", "2019-06", "470", "2019-06"],
    ]);
  });

  it("reads Excel date cells and date serial numbers as month headings", async () => {
    const t = await table(
      await xlsxFile([
        ["code", new Date(Date.UTC(2019, 3, 1)), { value: new Date(Date.UTC(2019, 4, 1)), numFmt: "mmm-yy" }, 43617],
        ["CONTACTS", 1, 2, 3],
      ]),
    );
    expect(t.rows.map((r) => [r.period, r.value])).toEqual([
      ["2019-04", "1"],
      ["2019-05", "2"],
      ["2019-06", "3"],
    ]);
  });

  it("keeps a long file's other columns ignored, even ones that look like dates", async () => {
    const t = await table(csvFile("code,value,Sepx 2019\nCONTACTS,1,x\n"));
    expect(t.layout).toBe("long");
  });
});

describe("wide layout: refusals name the row, the column and the reason", () => {
  it("refuses a month heading that cannot be read", async () => {
    const error = await fileError(csvFile("code,Apr-19,Sepx 2019\nCONTACTS,1,2\n"));
    expect(error).toMatchObject({ code: "bad-month-header", row: 1, column: "C", header: "Sepx 2019" });
    expect(describeFileError(error, formatMonth)).toBe(
      'Row 1, column C: "Sepx 2019" cannot be read as a month: write it as Apr-19, April 2019, 2019-04 or 04/2019',
    );
  });

  it("refuses two columns for the same month", async () => {
    const error = await fileError(csvFile("code,Apr-19,May-19,2019-04\nCONTACTS,1,2,3\n"));
    expect(error).toMatchObject({ code: "duplicate-month", row: 1, column: "D" });
    expect(describeFileError(error, formatMonth)).toBe(
      "Row 1, column D: two columns are for the same month, Apr-19 (column B) and 2019-04 (column D): both are April 2019. Delete one of them",
    );
  });

  it("refuses a file that mixes the long and wide layouts", async () => {
    const error = await fileError(csvFile("code,period,value,Apr-19\nCONTACTS,2019-04,1,2\n"));
    expect(error).toMatchObject({ code: "mixed-layout", row: 1, column: "C", header: "value" });
    expect(describeFileError(error, formatMonth)).toContain(
      "Row 1, column C: the file has a value column (one row per indicator and month) and month columns such as Apr-19 (one column per month): keep one layout",
    );
  });

  it("refuses a month outside the range the app accepts", async () => {
    const error = await fileError(csvFile("code,Dec-1999,Jan-2000\nCONTACTS,1,2\n"));
    expect(describeFileError(error, formatMonth)).toMatch(
      /^Row 1, column B: "Dec-1999" is December 1999, outside the months that can hold figures \(January 2000 to /,
    );
    expect(await fileError(csvFile("code,2099-01\nCONTACTS,1\n"))).toMatchObject({ code: "bad-month-header", column: "B" });
  });

  it("refuses a wide file with neither codes nor names", async () => {
    expect(await fileError(csvFile("Unit,Apr-19\ncount,1\n"))).toEqual({ code: "missing-column", column: "indicator_code" });
  });
});

describe("wide layout: validation", () => {
  async function previewOf(text: string, month = "2019-05") {
    const result = validateImportRows({ table: await table(csvFile(text)), month, catalogue: CATALOGUE, existing: new Map() });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.preview;
  }

  it("finds indicators by code, or by their exact catalogue name, and keeps the page's month only", async () => {
    const p = await previewOf("Indicator,Apr-19,May-19\nContacts received,1,2\nChildren on a child protection plan,3,4\n");
    expect(p.layout).toBe("wide");
    expect(p.rows.map((r) => [r.row, r.indicator?.code, r.status, r.next?.value])).toEqual([
      [2, "CONTACTS", "new", 2],
      [3, "CP_PLANS", "new", 4],
    ]);
    expect(p.skipped).toEqual({ rows: 2, months: ["2019-04"] });
  });

  it("names the month column in a bad value's error, and refuses text and symbols in numeric cells", async () => {
    const p = await previewOf("code,Apr-19,May-19\nCONTACTS,1,many\nASSESS_PCT,1,c\n");
    expect(p.errors.map((e) => e.message)).toEqual([
      'Row 2, column May-19: "many" is not a number',
      'Row 3, column May-19: "c" is not a number',
    ]);
  });

  it("refuses a code that does not exist, a name that does not, and a name two indicators share", async () => {
    const p = await previewOf("code,Indicator,May-19\nNOPE,,1\n,Unknown thing,2\n,Same name,3\n");
    expect(p.errors.map((e) => e.message)).toEqual([
      'Row 2, column code: "NOPE" is not an indicator code in the catalogue',
      'Row 3, column Indicator: "Unknown thing" is not the name of an indicator in the catalogue (names must match exactly; or give the indicator_code)',
      'Row 4, column Indicator: "Same name" is the name of 2 indicators (DUP_A, DUP_B): give the indicator_code instead',
    ]);
  });

  it("refuses the same indicator on two rows", async () => {
    const p = await previewOf("code,May-19\nCONTACTS,1\nCONTACTS,2\n");
    expect(p.errors.map((e) => e.message)).toEqual([
      "Row 2, column code: CONTACTS appears twice for May 2019 (rows 2 and 3)",
      "Row 3, column code: CONTACTS appears twice for May 2019 (rows 2 and 3)",
    ]);
  });
});

describe("wide layout: files written by LibreOffice Calc (test/fixtures, made by scripts/make-import-fixtures.mjs)", () => {
  const fixture = (name: string) => ({
    bytes: new Uint8Array(readFileSync(join(process.cwd(), "test/fixtures", name))),
    fileName: name,
    contentType: null,
  });

  it("reads month headings as text, an unformatted serial number and a date cell", async () => {
    const t = await table(fixture("wide-month-headers-libreoffice.xlsx"));
    expect(t.layout).toBe("wide");
    expect(t.rows.map((r) => [r.row, r.name, r.period, r.value])).toEqual([
      [2, "Contacts received", "2019-04", "1337"],
      [2, "Contacts received", "2019-05", "1402"],
      [2, "Contacts received", "2019-06", "1290"],
      [2, "Contacts received", "2019-07", "1310"],
      [2, "Contacts received", "2019-08", "1288"],
    ]);
  });

  it("reads the 24-month scorecard: 32 indicators, date-cell headings April 2000 to March 2002", async () => {
    const t = await table(fixture("history-24-months-libreoffice.xlsx"));
    const months = [...new Set(t.rows.map((r) => r.period))];
    expect(months).toHaveLength(24);
    expect([months[0], months[23]]).toEqual(["2000-04", "2002-03"]);
    expect(new Set(t.rows.map((r) => r.code)).size).toBe(32);
    expect(t.rows.find((r) => r.code === "CONTACTS" && r.period === "2000-04")?.value).toBe("1498");
  });
});
