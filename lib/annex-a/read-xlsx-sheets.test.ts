// The streaming XLSX reader on XML that other writers than Excel produce, all of it valid SpreadsheetML
// that Excel opens: ISO 8601 date cells (t="d"), elements prefixed with the main namespace (the Open
// XML SDK's <x:row>), attributes in single quotes or after a line break.
import { describe, expect, it } from "vitest";
import { readXlsxSheets, type Cell } from "@/lib/annex-a/read-xlsx-sheets";
import { readAnnexA } from "@/lib/annex-a/read-annex-a";
import { ANNEX_A_LIMITS } from "@/lib/annex-a/limits";
import { dayOfIso } from "@/lib/annex-a/calendar";
import { zipBytes } from "@/test/import-files";

const enc = (s: string) => new TextEncoder().encode(s);
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A one-sheet workbook ("List 1", or another name) from its parts' XML; `p` is the prefix the writer gives the main namespace ("" for none). */
function workbook(
  sheetData: string,
  {
    p = "",
    styles,
    strings,
    date1904 = "",
    sheet = "List 1",
  }: { p?: string; styles?: string; strings?: string[]; date1904?: string; sheet?: string } = {},
): Uint8Array {
  const x = p ? `${p}:` : "";
  const ns = p ? `xmlns:${p}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts = [
    { name: "[Content_Types].xml", data: enc("<Types/>") },
    {
      name: "xl/workbook.xml",
      data: enc(
        `<${x}workbook ${ns} xmlns:r="${REL}"><${x}workbookPr${date1904}/><${x}sheets><${x}sheet name="${sheet}" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: enc(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: enc(`<?xml version="1.0" encoding="utf-8"?><${x}worksheet ${ns}><${x}sheetData>${sheetData}</${x}sheetData></${x}worksheet>`),
    },
  ];
  if (styles) parts.push({ name: "xl/styles.xml", data: enc(`<${x}styleSheet ${ns}>${styles}</${x}styleSheet>`) });
  if (strings)
    parts.push({
      name: "xl/sharedStrings.xml",
      data: enc(`<${x}sst ${ns}>${strings.map((s) => `<${x}si><${x}t>${s}</${x}t></${x}si>`).join("")}</${x}sst>`),
    });
  return zipBytes(parts);
}

async function rowsOf(bytes: Uint8Array): Promise<{ date1904: boolean; rows: [number, Cell[]][] }> {
  const rows: [number, Cell[]][] = [];
  const read = await readXlsxSheets(bytes, ANNEX_A_LIMITS, () => (row, cells) => rows.push([row, cells]));
  if (!read.ok) throw new Error(read.code);
  return { date1904: read.date1904, rows };
}

const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Child Unique ID</t></is></c><c r="B1" t="inlineStr"><is><t>Date of Contact</t></is></c></row>';
const contact = (r: number, id: string, date: string) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${id}</t></is></c>${date.replace(/REF/g, `B${r}`)}</row>`;

describe("reading XML as other writers write it", () => {
  it('reads an ISO 8601 date cell (t="d"), with or without a time, as its date', async () => {
    const bytes = workbook(
      HEADER +
        contact(2, "A", '<c r="REF" t="d"><v>2020-03-05T00:00:00</v></c>') +
        contact(3, "B", '<c r="REF" t="d"><v>2020-03-31T23:59:59.000Z</v></c>') +
        contact(4, "C", '<c r="REF" t="d"><v>2020-03-06</v></c>') +
        contact(5, "D", '<c r="REF" t="d"><v>next week</v></c>'),
    );
    const read = await readAnnexA(bytes);
    if (!read.ok) throw new Error(read.code);
    expect(read.lists.get(1)!.rows.map((r) => r.v.contact)).toEqual([
      dayOfIso("2020-03-05"),
      dayOfIso("2020-03-31"),
      dayOfIso("2020-03-06"),
      "invalid",
    ]);
    expect(read.quality.lists[0].invalid).toEqual([{ row: 5, column: "Date of Contact", problem: "not-a-date" }]);
  });

  it("reads an empty <v></v> as a blank cell, not as 0 (which a date format shows as 30/12/1899)", async () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const bytes = workbook(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>43891</v></c><c r="C2" s="1"><v></v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>43891</v></c><c r="C3" s="1"><v> </v></c><c r="D3" t="str"><v></v></c></row>',
      { styles, strings: ["Child Unique ID", "CIN Start Date", "CIN Closure Date", "ZQ-1", "ZQ-2"], sheet: "List 6" },
    );
    const { rows } = await rowsOf(bytes);
    expect(rows.slice(1).map(([, cells]) => cells.slice(2))).toEqual([[null], [null, { t: "s", s: "" }]]);
    // So the children's episodes are open (a blank closure date), not closed in 1899.
    const read = await readAnnexA(bytes);
    if (!read.ok) throw new Error(read.code);
    expect(read.lists.get(6)!.rows.map((r) => r.v)).toEqual([
      { start: dayOfIso("2020-03-01"), end: null },
      { start: dayOfIso("2020-03-01"), end: null },
    ]);
  });

  it("reads parts whose elements carry a prefix for the main namespace, across chunk boundaries, with their shared strings, styles and 1904 dates", async () => {
    const styles =
      '<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"><x:alignment horizontal="left"/></x:xf></x:cellXfs>';
    // 8,000 rows: 1.5 MB of XML, inflated in two chunks (of at most 1 MB) with a row cut between them.
    const rows = Array.from(
      { length: 8_000 },
      (_, i) =>
        `<x:row r="${i + 2}"><x:c r="A${i + 2}" t="s"><x:v>2</x:v></x:c><x:c r="B${i + 2}" s="${1 + (i % 2)}"><x:v>${43890 - 1462 + (i % 40)}</x:v></x:c><x:c r="C${i + 2}" t="inlineStr"><x:is><x:t>padding to make the sheet long</x:t></x:is></x:c></x:row>`,
    );
    const bytes = workbook(
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>${rows.join("")}`,
      { p: "x", styles, strings: ["Child Unique ID", "Date of Contact", "ZQ-1"], date1904: ' date1904="1"' },
    );
    const { date1904, rows: read } = await rowsOf(bytes);
    expect(date1904).toBe(true);
    expect(read).toHaveLength(8_001);
    expect(read[0]).toEqual([
      1,
      [
        { t: "s", s: "Child Unique ID" },
        { t: "s", s: "Date of Contact" },
      ],
    ]);
    expect(read[8_000]).toEqual([
      8_001,
      [
        { t: "s", s: "ZQ-1" },
        { t: "n", n: 43890 - 1462 + (7_999 % 40), date: true },
        { t: "s", s: "padding to make the sheet long" },
      ],
    ]);
    expect(read.slice(1).every(([, cells]) => cells.length === 3 && cells[1]?.t === "n" && cells[1].date)).toBe(true);

    const annexA = await readAnnexA(bytes);
    if (!annexA.ok) throw new Error(annexA.code);
    // 43890 is 29 February 2020 in the 1900 system; 1462 fewer in the 1904 system.
    expect(annexA.lists.get(1)!.rows[0]).toMatchObject({ row: 2, child: "ZQ-1", v: { contact: dayOfIso("2020-02-29") } });
  });

  it("reads attributes in single quotes, after a line break or tab, and with spaces round the =", async () => {
    const bytes = workbook(
      "<row r='1'><c r='A1' t='inlineStr'><is><t>Child Unique ID</t></is></c><c\n r=\"B1\"\n t=\"inlineStr\"><is><t>Date of Contact</t></is></c></row>" +
        "<row r = '2'><c r='A2' t='inlineStr'><is><t>A</t></is></c><c r='C2'\tt='inlineStr'><is><t>x</t></is></c><c\nr=\"B2\" t=\"inlineStr\"><is><t>05/03/2020</t></is></c></row>",
      { date1904: " date1904 = 'true'" },
    );
    const { date1904, rows } = await rowsOf(bytes);
    expect(date1904).toBe(true);
    expect(rows).toEqual([
      [
        1,
        [
          { t: "s", s: "Child Unique ID" },
          { t: "s", s: "Date of Contact" },
        ],
      ],
      [
        2,
        [
          { t: "s", s: "A" },
          { t: "s", s: "05/03/2020" },
          { t: "s", s: "x" },
        ],
      ],
    ]);
  });
});
