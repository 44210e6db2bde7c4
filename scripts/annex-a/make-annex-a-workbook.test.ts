// The synthetic Annex A workbook: opens with exceljs, has the sheets and headers of
// specs/annex-a-figures.md, does what each quirk says, and is the same for the same seed.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { makeAnnexAWorkbook, writeAnnexAWorkbook, type AnnexAOptions } from "./make-annex-a-workbook";

type Sheet = { name: string; headers: unknown[]; rows: { n: number; cells: unknown[] }[] };

async function openWorkbook(buffer: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const rows: Sheet["rows"] = [];
    ws.eachRow((row, n) => {
      rows.push({ n, cells: (row.values as unknown[]).slice(1) });
    });
    return { name: ws.name, headers: rows[0].cells, rows: rows.slice(1) };
  });
}

const SMALL: AnnexAOptions = { month: "2020-03", monthsCovered: 6, scale: 0.2, seed: 7 };
const normalise = (h: unknown) => String(h).trim().toLowerCase().replace(/\s+/g, " ");
const column = (sheet: Sheet, header: string) => {
  const i = sheet.headers.findIndex((h) => normalise(h) === normalise(header));
  expect(i, `${sheet.name} has ${header}`).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((r) => r.cells[i]).filter((v) => v !== undefined && v !== null);
};

// The table in specs/annex-a-figures.md, in its order.
const SPEC: Record<string, string[]> = {
  "List 1": ["Child Unique ID", "Date of Contact"],
  "List 3": ["Child Unique ID", "Date of Referral"],
  "List 4": ["Child Unique ID", "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
  "List 5": [
    "Child Unique ID",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Date of Initial Child Protection Conference",
  ],
  "List 6": ["Child Unique ID", "CIN Start Date", "CIN Closure Date"],
  "List 7": [
    "Child Unique ID",
    "Child Protection Plan Start Date",
    "Child Protection Plan End Date",
    "Date of the Last Statutory Visit",
    "Number of Previous Child Protection Plans",
  ],
  "List 8": [
    "Child Unique ID",
    "Date of Birth",
    "Date Started to be Looked After",
    "Date Ceased to be Looked After",
    "Reason Ceased to be Looked After",
    "Number of Placements in the Last 12 months",
    "Start Date of Most Recent Placement",
    "Date of Last Health Assessment",
  ],
  "List 9": ["Child Unique ID", "Date of Birth", "Eligibility Category", "LA in Touch", "Suitability of Accommodation", "Activity Status"],
};

describe("makeAnnexAWorkbook", () => {
  it("writes the eight lists with the spec's headers exactly, dates as date cells, text identifiers and Ofsted's prefixed codes", async () => {
    const sheets = await openWorkbook(await makeAnnexAWorkbook(SMALL));
    expect(sheets.map((s) => s.name)).toEqual(Object.keys(SPEC));
    for (const s of sheets) {
      expect(s.headers, s.name).toEqual(SPEC[s.name]);
      expect(s.rows.length, s.name).toBeGreaterThan(10);
    }
    const [list1, , , , , , list8, list9] = sheets;
    expect(column(list1, "Child Unique ID").every((v) => typeof v === "string" && /^\d{8}$/.test(v))).toBe(true);
    const contacts = column(list1, "Date of Contact") as Date[];
    expect(contacts.every((d) => d instanceof Date && d.getUTCHours() === 0)).toBe(true);
    expect(Math.min(...contacts.map(Number))).toBeGreaterThanOrEqual(Date.UTC(2019, 9, 1));
    expect(Math.max(...contacts.map(Number))).toBeLessThanOrEqual(Date.UTC(2020, 2, 31));
    expect(new Set(column(list9, "LA in Touch"))).toContain("a) Yes");
    expect(column(list9, "Eligibility Category")).toContain("b) Former relevant child");
    expect(column(list9, "Activity Status").every((v) => typeof v === "string" && /^[FPG]\d: /.test(v))).toBe(true);
    expect(column(list8, "Reason Ceased to be Looked After").every((v) => typeof v === "string" && /^E\d+[A-Z]?: /.test(v))).toBe(true);
  });

  it("at scale 1 has about the sample's volumes a month", async () => {
    const { sheets } = await writeAnnexAWorkbook({ month: "2020-03", monthsCovered: 2, scale: 1, lists: [1, 3] });
    expect(sheets.map((s) => s.list)).toEqual([1, 3]);
    expect(sheets[0].rows / 2).toBeGreaterThan(1_550);
    expect(sheets[0].rows / 2).toBeLessThan(1_950);
    expect(sheets[1].rows / 2).toBeGreaterThan(370);
    expect(sheets[1].rows / 2).toBeLessThan(490);
  });

  it("is the same for the same seed, and different for another", async () => {
    const [a, b, c] = await Promise.all([makeAnnexAWorkbook(SMALL), makeAnnexAWorkbook(SMALL), makeAnnexAWorkbook({ ...SMALL, seed: 8 })]);
    const [sa, sb, sc] = await Promise.all([openWorkbook(a), openWorkbook(b), openWorkbook(c)]);
    expect(JSON.stringify(sb)).toBe(JSON.stringify(sa));
    expect(JSON.stringify(sc)).not.toBe(JSON.stringify(sa));
  });

  it.each([
    ["List1", "List1", "List9"],
    ["L1", "L1", "L9"],
    ["List 1 - Contacts", "List 1 - Contacts", "List 9 - Care leavers"],
  ] as const)("names the sheets %s", async (style, first, last) => {
    const names = (await openWorkbook(await makeAnnexAWorkbook({ ...SMALL, scale: 0.05, quirks: { sheetNames: style } }))).map(
      (s) => s.name,
    );
    expect([names[0], names.at(-1)]).toEqual([first, last]);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it("with every other quirk: variant headers, extra columns, text and invalid dates, numeric identifiers, blank and duplicate rows, #N/A, shared strings", async () => {
    const quirks = {
      sharedStrings: true,
      headerVariants: true,
      textDates: true,
      blankRows: true,
      duplicates: true,
      invalidDates: true,
      numericIds: true,
      extraColumns: true,
      na: true,
    } as const;
    const buffer = await makeAnnexAWorkbook({ ...SMALL, quirks });
    expect(buffer.includes("xl/sharedStrings.xml")).toBe(true);
    const sheets = await openWorkbook(buffer);
    const [list1, list3] = sheets;
    expect(list1.headers).toEqual([
      "CHILD UNIQUE ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age of Child (Years)",
      expect.stringMatching(/^date of contact\s*$/i),
      expect.stringMatching(/^contact\s+source\s*$/i),
    ]);
    expect(list3.headers).toContain("Date of referral ");
    for (const s of sheets) for (const h of SPEC[s.name]) expect(s.headers.map(normalise), `${s.name}: ${h}`).toContain(h.toLowerCase());
    expect(sheets.some((s) => s.headers.some((h) => String(h) !== normalise(h) && String(h).trim() !== String(h)))).toBe(true);

    expect(column(list1, "Child Unique ID").every((v) => typeof v === "number")).toBe(true);
    const dates = sheets.flatMap((s) => s.headers.flatMap((h) => (/date/i.test(String(h)) ? column(s, String(h).trim()) : [])));
    const texts = dates.filter((d): d is string => typeof d === "string");
    expect(texts.some((t) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^31\/02\/\d{4}$|^unknown$|^TBC$|^\d{5}$|^\d{2}\/\d{2}\/\d{2}$|^\d{2}\.\d{2}\.\d{4}$/.test(t))).toBe(true);
    expect(dates.filter((d) => d instanceof Date).length).toBeGreaterThan(texts.length * 4);

    const gaps = list1.rows.filter((r, i) => i > 0 && r.n !== list1.rows[i - 1].n + 1);
    expect(gaps.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    expect(
      list1.rows.some((r) => {
        const key = JSON.stringify(r.cells);
        if (seen.has(key)) return true;
        seen.add(key);
        return false;
      }),
    ).toBe(true);
    expect(sheets.flatMap((s) => s.rows.flatMap((r) => r.cells)).some((v) => (v as { error?: string } | null)?.error === "#N/A")).toBe(
      true,
    );
  });

  it("writes codes with prefixes, without, or mixed", async () => {
    const leavers = async (codePrefixes: "with" | "without" | "mixed") =>
      (await openWorkbook(await makeAnnexAWorkbook({ ...SMALL, scale: 1, lists: [9], quirks: { codePrefixes } })))[0];
    const [withPrefix, without, mixed] = await Promise.all([leavers("with"), leavers("without"), leavers("mixed")]);
    const prefixed = (v: unknown) => /^[a-z]\) |^[A-Z]\d: /.test(String(v));
    for (const h of ["LA in Touch", "Eligibility Category", "Activity Status"]) {
      expect(column(withPrefix, h).every(prefixed), h).toBe(true);
      expect(column(without, h).some(prefixed), h).toBe(false);
      expect(column(mixed, h).some(prefixed) && !column(mixed, h).every(prefixed), h).toBe(true);
    }
    expect(new Set(column(without, "Activity Status"))).toEqual(new Set(["F1", "P1", "F2", "P2", "F3", "P3", "G4", "G5", "G6"]));
    expect(new Set(column(without, "LA in Touch"))).toEqual(new Set(["Yes", "No", "Refu", "NREQ", "Rhom", "Died"]));
    // The same children whatever the spelling.
    expect(column(without, "Child Unique ID")).toEqual(column(withPrefix, "Child Unique ID"));
  });

  it("refuses options it cannot honour", async () => {
    await expect(makeAnnexAWorkbook({ ...SMALL, month: "2020-13" })).rejects.toThrow(/YYYY-MM/);
    await expect(makeAnnexAWorkbook({ ...SMALL, monthsCovered: 0 })).rejects.toThrow(/monthsCovered/);
    await expect(makeAnnexAWorkbook({ ...SMALL, scale: 0 })).rejects.toThrow(/scale/);
    await expect(makeAnnexAWorkbook({ ...SMALL, lists: [2] })).rejects.toThrow(/no such list: 2/);
  });
});
