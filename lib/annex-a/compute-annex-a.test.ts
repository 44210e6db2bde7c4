// Whole workbooks: the shared sample against its independently worked figures, and small workbooks
// written the ways councils' systems write them.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeAnnexA, type AnnexAInput } from "@/lib/annex-a/compute-annex-a";
import { zipBytes } from "@/test/import-files";

const SAMPLE = path.resolve(import.meta.dirname, "../../prisma/seed/data/annex-a");
const MARCH = { month: "2020-03", asAt: "2020-03-31", coversFrom: "2018-10-01", population: { year: 2019, count: 50_000 } } satisfies Omit<
  AnnexAInput,
  "bytes"
>;

type Sheet = { name: string; rows: ExcelJS.CellValue[][] };
async function workbook(sheets: Sheet[], date1904 = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== undefined) ws.getCell(i + 1, j + 1).value = v;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const figure = (r: Awaited<ReturnType<typeof computeAnnexA>>, code: string) => {
  if (!r.ok) throw new Error(r.error);
  return r.figures.find((f) => f.code === code)!;
};

describe("the shared sample, March 2020", () => {
  it("computes every one of its 28 figures and reads every list's rows", async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(SAMPLE, "sample-2020-03.expected.json"), "utf8")) as {
      month: string;
      as_at: string;
      covers_from: string;
      population: number;
      rows: Record<string, number>;
      figures: Record<string, number | null>;
    };
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLE, "sample-2020-03.xlsx")));
    const result = await computeAnnexA({
      bytes,
      month: expected.month,
      asAt: expected.as_at,
      coversFrom: expected.covers_from,
      population: { year: 2019, count: expected.population },
    });
    if (!result.ok) throw new Error(result.error);
    expect(Object.fromEntries(result.figures.map((f) => [f.code, f.value]))).toEqual(expected.figures);
    expect(Object.fromEntries(result.quality.lists.map((l) => [`List ${l.list}`, l.rowsRead]))).toEqual(expected.rows);
    expect(result.figures.find((f) => f.code === "ASSESS_45WD_PCT")!.words).toBe("244 of 351 assessments");
    expect(result.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a workbook written another way", () => {
  const ids = ["ZQ-CHILD-0001", "ZQ-CHILD-0002", "ZQ-CHILD-0003", "ZQ-CHILD-0004"];
  const lists: Sheet[] = [
    {
      name: "List1",
      rows: [
        ["CHILD UNIQUE ID ", "Gender", "date of contact"],
        [ids[0], "M", utc("2020-03-02")],
        [ids[0], "a) Male", "02/03/2020"],
        [],
        [ids[1], "F", "2020-03-31"],
        [null, "F", "5/3/2020"],
        [ids[2], "F", "31/02/2020"],
        [ids[3], "F", { error: "#N/A" }],
      ],
    },
    {
      name: "L3",
      rows: [
        ["Child Unique ID", "Date of referral "],
        [445056, utc("2020-03-05")],
        ["445056", "05/03/2020"],
        [445057, utc("2019-11-05")],
      ],
    },
    {
      name: "List 4 - Assessments",
      rows: [
        ["Child_Unique_ID", "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation", "Extra"],
        [ids[0], "28/1/2020", "31/03/2020", "x"],
      ],
    },
    { name: "List 9", rows: [["Care leavers for March"], ["Child Unique ID", "Date of Birth"]] },
  ];

  it("reads sheet names, heading variants, text and cell dates, numeric identifiers; drops blank and duplicate rows", async () => {
    const result = await computeAnnexA({ bytes: await workbook(lists), ...MARCH });
    if (!result.ok) throw new Error(result.error);
    // A's cell date and text date are one contact; the blank-ID row and the invalid dates are left out.
    expect(figure(result, "CONTACTS")).toMatchObject({ value: 2 });
    expect(figure(result, "REFERRALS")).toMatchObject({ value: 1 });
    expect(figure(result, "REFERRALS_RATE_10K")).toMatchObject({ numerator: 2 });
    expect(figure(result, "ASSESS_45WD_PCT")).toMatchObject({ value: 100, words: "1 of 1 assessment" });
    const l1 = result.quality.lists.find((l) => l.list === 1)!;
    expect(l1).toMatchObject({ sheet: "List1", rowsRead: 6, duplicatesDropped: 0, blankIds: [6], invalidCount: 2 });
    expect(l1.invalid).toEqual([
      { row: 7, column: "Date of Contact", problem: "not-a-real-date" },
      { row: 8, column: "Date of Contact", problem: "excel-error" },
    ]);
    // 445056 as a number and as text, on the same date written two ways: one row, once read.
    expect(result.quality.lists.find((l) => l.list === 3)).toMatchObject({ rowsRead: 3, duplicatesDropped: 1 });
  });

  it("leaves out the figures a missing list, column or header needs, and says so; computes the rest", async () => {
    const result = await computeAnnexA({ bytes: await workbook(lists), ...MARCH });
    expect(figure(result, "CP_PLANS")).toMatchObject({ value: null, reason: "List 7 is missing" });
    expect(figure(result, "CARE_LEAVERS_EET_PCT").reason).toBe(
      'The first row of "List 9" is not a header naming a Child Unique ID column, so List 9 is not read',
    );
    const noAuth = await computeAnnexA({
      bytes: await workbook([
        {
          name: "List 4",
          rows: [
            ["Child Unique ID", "Continuous Assessment Start Date"],
            ["X", "01/03/2020"],
          ],
        },
      ]),
      ...MARCH,
    });
    expect(figure(noAuth, "ASSESSMENTS_COMPLETED").reason).toBe("List 4 has no Continuous Assessment Date of Authorisation column");
    if (!noAuth.ok) throw new Error(noAuth.error);
    expect(noAuth.quality.lists[0].missingColumns).toEqual(["Continuous Assessment Date of Authorisation"]);
  });

  it("reads dates from a workbook on Excel's 1904 date system", async () => {
    const result = await computeAnnexA({
      bytes: await workbook(
        [
          {
            name: "List 1",
            rows: [
              ["Child Unique ID", "Date of Contact"],
              ["A", utc("2020-03-31")],
              ["B", utc("2020-04-01")],
            ],
          },
        ],
        true,
      ),
      ...MARCH,
    });
    expect(figure(result, "CONTACTS").value).toBe(1);
  });

  it("keeps no identifier, date of birth or other value from a child's row in what it returns", async () => {
    const dob = "17/06/2004";
    const result = await computeAnnexA({
      bytes: await workbook([
        ...lists,
        {
          name: "List 8",
          rows: [
            ["Child Unique ID", "Date of Birth", "Date Started to be Looked After"],
            [ids[2], dob, "not known"],
          ],
        },
      ]),
      ...MARCH,
    });
    const json = JSON.stringify({ ...result, fileSha256: "" });
    for (const id of [...ids, "445056", "445057"]) expect(json).not.toContain(id);
    expect(json).not.toContain(dob);
    expect(json).not.toContain("not known");
    expect(json).not.toContain("2004");
  });
});

describe("files that are not an Annex A workbook", () => {
  const run = (bytes: Uint8Array) => computeAnnexA({ bytes, ...MARCH });
  it("says which problem each has", async () => {
    expect(await run(new Uint8Array())).toEqual({ ok: false, error: "empty" });
    expect(await run(new TextEncoder().encode("Child Unique ID,Date of Contact\n1,01/03/2020\n"))).toEqual({
      ok: false,
      error: "wrong-type",
    });
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await run(ole)).toEqual({ ok: false, error: "old-excel" });
    ole.set(Buffer.from("EncryptedPackage", "utf16le"), 1024);
    expect(await run(ole)).toEqual({ ok: false, error: "password-protected" });
    expect(
      await run(
        zipBytes([
          { name: "[Content_Types].xml", data: new Uint8Array(10) },
          { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(1024), claim: 4_000_000_000 },
        ]),
      ),
    ).toEqual({ ok: false, error: "xlsx-too-large" });
    expect(
      await run(
        await workbook([
          {
            name: "Values",
            rows: [
              ["indicator_code", "value"],
              ["CONTACTS", 1],
            ],
          },
        ]),
      ),
    ).toEqual({ ok: false, error: "no-lists" });
  });
});
