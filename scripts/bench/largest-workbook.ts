// The largest XLSX the import's limits allow, written as Excel writes a case-management extract:
// 50,000 rows x 10 columns = 500,000 cells of inline strings on one sheet, under 5 MB zipped.
import { zipBytes } from "@/test/import-files";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELLS } from "@/lib/import/limits";

export const MONTH = "2019-08";
const COLUMNS = 10;
const ROWS = MAX_IMPORT_CELLS / COLUMNS - 1; // plus the header: every cell the cap allows

const log = (...a: unknown[]) => console.error("[import-memory]", ...a);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const letter = (i: number) => String.fromCharCode(65 + i);

/** A workbook written as Excel would for a case-management extract: inline strings, one sheet. */
export function largestWorkbook(): Uint8Array {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
  const header = ["indicator_code", "period", "value", "note", ...Array.from({ length: COLUMNS - 4 }, (_, i) => `description_${i + 1}`)];
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  ];
  parts.push(`<row r="1">${header.map((h, c) => cell(`${letter(c)}1`, h)).join("")}</row>`);
  for (let r = 2; r <= ROWS + 1; r++) {
    const values = [
      `EXTRACT_${r % 997}`,
      MONTH,
      String((r * 37) % 10_000),
      `Recorded by team ${r % 13} on the case system, checked`,
      ...Array.from(
        { length: COLUMNS - 4 },
        (_, i) => `Case group ${(r + i) % 101} in locality ${i}, allocated worker ${r % 29}, reviewed by manager`,
      ),
    ];
    parts.push(
      `<row r="${r}">${values.map((v, c) => (c === 2 ? `<c r="${letter(c)}${r}"><v>${v}</v></c>` : cell(`${letter(c)}${r}`, v))).join("")}</row>`,
    );
  }
  parts.push("</sheetData></worksheet>");
  const sheet = Buffer.from(parts.join(""));
  const text = (s: string) => new Uint8Array(Buffer.from(s));
  const bytes = zipBytes([
    {
      name: "[Content_Types].xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Extract" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(sheet) },
  ]);
  log(
    `workbook: ${(bytes.length / 1e6).toFixed(2)} MB zipped, ${(sheet.length / 1e6).toFixed(1)} MB of sheet XML, ${ROWS + 1} rows x ${COLUMNS} columns`,
  );
  if (bytes.length > MAX_IMPORT_BYTES) throw new Error("the workbook is over the upload limit");
  return bytes;
}
