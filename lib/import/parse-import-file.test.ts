import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/limits";
import { inflateRawSync } from "node:zlib";
import { csvFile, xlsxBytes, xlsxFile, zipBytes } from "@/test/import-files";
import { readZipDirectory, zipPartData } from "@/lib/import/inspect-xlsx-zip";

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

describe("parseImportFile: CSV", () => {
  it("reads a UTF-8 BOM, CRLF line ends, quoted fields and trailing blank lines, numbering rows as lines", async () => {
    const t = await table(
      csvFile(
        '\uFEFFindicator_code,period,value,note\r\nCONTACTS,2019-09,"1,337",\r\nCP_PLANS,2019-09,456,"Two\r\nlines, quoted"\r\n\r\nCLA_NUMBER,2019-09,512,\r\n\r\n\r\n',
      ),
    );
    expect(t.kind).toBe("csv");
    expect(t.headers).toEqual({ code: "indicator_code", period: "period", value: "value", note: "note" });
    expect(t.rows.map((r) => [r.row, r.code, r.period, r.value, r.note])).toEqual([
      [2, "CONTACTS", "2019-09", "1,337", ""],
      [3, "CP_PLANS", "2019-09", "456", "Two\r\nlines, quoted"],
      [6, "CLA_NUMBER", "2019-09", "512", ""],
    ]);
  });

  it("matches headers case-insensitively and trimmed, takes code as indicator_code, ignores other columns, and allows no period or note", async () => {
    const t = await table(csvFile(" Name , CODE ,  Value \nContacts,CONTACTS,1498\n"));
    expect(t.headers).toEqual({ code: "CODE", value: "Value", period: null, note: null });
    expect(t.rows).toEqual([{ row: 2, code: "CONTACTS", period: null, value: "1498", note: null, problems: [] }]);
    expect((await table(csvFile("Indicator Code,Month,VALUE,Notes\nX,2019-09,1,n\n"))).headers).toEqual({
      code: "Indicator Code",
      period: "Month",
      value: "VALUE",
      note: "Notes",
    });
  });

  it("skips rows whose cells are all empty and keeps short rows", async () => {
    const t = await table(csvFile("code,value,note\n,,\nCONTACTS\nCP_PLANS,3\n"));
    expect(t.rows.map((r) => [r.row, r.code, r.value, r.note])).toEqual([
      [3, "CONTACTS", "", ""],
      [4, "CP_PLANS", "3", ""],
    ]);
  });

  it("refuses a file without the indicator_code or value column, naming it", async () => {
    expect(await fileError(csvFile("indicator,period,value\nX,2019-09,1\n"))).toEqual({ code: "missing-column", column: "indicator_code" });
    expect(await fileError(csvFile("code,period,amount\nX,2019-09,1\n"))).toEqual({ code: "missing-column", column: "value" });
  });

  it("refuses two columns that mean the same thing", async () => {
    expect(await fileError(csvFile("code,indicator_code,value\nX,X,1\n"))).toEqual({
      code: "duplicate-column",
      column: "code and indicator_code",
    });
  });

  it("refuses empty files: no bytes, blank lines only, or a header with no rows", async () => {
    expect(await fileError(csvFile(""))).toEqual({ code: "empty" });
    expect(await fileError(csvFile("\r\n\r\n"))).toEqual({ code: "empty" });
    expect(await fileError(csvFile("code,value\r\n\r\n"))).toEqual({ code: "no-rows" });
  });

  it("refuses a file over 5 MB before reading it", async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0);
    expect(await fileError({ bytes, fileName: "big.csv", contentType: "text/csv" })).toEqual({ code: "too-large" });
    const line = `CONTACTS,1,${"x".repeat(110)}\n`;
    const justUnder = "code,value,note\n" + line.repeat(Math.floor((MAX_IMPORT_BYTES - 16) / line.length));
    expect(justUnder.length).toBeGreaterThan(MAX_IMPORT_BYTES - line.length);
    expect((await table(csvFile(justUnder))).rows.length).toBe(Math.floor((MAX_IMPORT_BYTES - 16) / line.length));
  });

  it("refuses more rows than the cap", async () => {
    const text = "code,value\n" + "CONTACTS,1\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(await fileError(csvFile(text))).toEqual({ code: "too-many-rows" });
  });

  it("says comma only when the file uses semicolons or tabs", async () => {
    expect(await fileError(csvFile("code;period;value\nX;2019-09;1\n"))).toEqual({ code: "wrong-delimiter", delimiter: "semicolons" });
    expect(await fileError(csvFile("code\tvalue\nX\t1\n"))).toEqual({ code: "wrong-delimiter", delimiter: "tabs" });
  });

  it("reports the line of an unclosed quote", async () => {
    expect(await fileError(csvFile('code,value\nX,1\nY,"2\n'))).toEqual({ code: "bad-csv", line: 3 });
  });

  it("decodes Windows-1252 and UTF-16 files", async () => {
    const cp1252 = new Uint8Array([...new TextEncoder().encode("code,value,note\nX,1,caf"), 0xe9, 0x0a]);
    expect((await table({ bytes: cp1252, fileName: "v.csv" })).rows[0].note).toBe("café");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("code,value\nX,1\n", "utf16le")]);
    expect((await table({ bytes: new Uint8Array(utf16), fileName: "v.csv" })).rows[0]).toMatchObject({ code: "X", value: "1" });
  });

  it("reads the files Excel writes (Windows-1252 CSV, UTF-16 Unicode Text) with curly quotes and the euro sign intact, and says which encoding", async () => {
    const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, "../../e2e/files", name)));
    for (const [name, encoding] of [
      ["excel-windows-1252.csv", "Windows-1252"],
      ["excel-unicode-text.txt", "UTF-16 LE"],
    ] as const) {
      const t = await table({ bytes: fixture(name), fileName: name });
      expect(t.encoding).toBe(encoding);
      expect(t.rows.map((r) => [r.row, r.code, r.value, r.note])).toEqual([
        [2, "CONTACTS", "1337", "Café “quoted” €"],
        [3, "CP_PLANS", "456", "Checked by O’Brien – see £ total"],
      ]);
    }
  });

  it("tells UTF-8 with and without a byte-order mark and UTF-16 BE apart", async () => {
    const text = "code,value,note\nX,1,Café “quoted” €\n";
    const utf16be = Buffer.from(text, "utf16le").swap16();
    const cases = [
      [Buffer.from(text), "UTF-8"],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "UTF-8 with BOM"],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), "UTF-16 BE"],
    ] as const;
    for (const [bytes, encoding] of cases) {
      const t = await table({ bytes: new Uint8Array(bytes), fileName: "v.csv" });
      expect([t.encoding, t.rows[0].note]).toEqual([encoding, "Café “quoted” €"]);
    }
  });

  it("refuses a NUL character (a UTF-16 file can hold one) naming its row and column", async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("code,value,note\r\nX,1,fine\r\nY,2,bad\u0000note\r\n", "utf16le"),
    ]);
    expect(await fileError({ bytes: new Uint8Array(utf16), fileName: "v.csv" })).toEqual({ code: "nul-character", row: 3, column: "note" });
  });

  it("refuses bytes that are not valid in the file's encoding, naming the row and column, rather than storing U+FFFD", async () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("code,value,note\nX,1,fine\nY,2,bad "),
      Buffer.from([0xc3, 0x28]), // not UTF-8: a lead byte followed by "("
      Buffer.from(" note\n"),
    ]);
    expect(await fileError({ bytes: new Uint8Array(utf8), fileName: "v.csv" })).toEqual({
      code: "unreadable-character",
      row: 3,
      column: "note",
    });
    // UTF-16 holding half of a surrogate pair.
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("code,value,note\r\nX,1,fine\r\n", "utf16le"),
      Buffer.from("Y,2,", "utf16le"),
      Buffer.from([0x00, 0xd8]),
      Buffer.from("\r\n", "utf16le"),
    ]);
    expect(await fileError({ bytes: new Uint8Array(utf16), fileName: "v.csv" })).toEqual({
      code: "unreadable-character",
      row: 3,
      column: "note",
    });
  });
});

describe("parseImportFile: the file's type", () => {
  it("accepts .csv, .txt (Excel's Unicode Text) and .xlsx whatever the content type, and uses the content type only without an extension", async () => {
    expect((await table(csvFile("code\tvalue\r\nX\t1\r\n", "values.txt", "text/plain"))).rows[0]).toMatchObject({ code: "X", value: "1" });
    expect((await table(csvFile("code,value\nX,1\n", "VALUES.CSV", "application/octet-stream"))).kind).toBe("csv");
    expect((await table(csvFile("code,value\nX,1\n", "values", "text/csv"))).kind).toBe("csv");
    expect(
      (
        await table({
          ...(await xlsxFile([
            ["code", "value"],
            ["X", 1],
          ])),
          fileName: "export",
        })
      ).kind,
    ).toBe("xlsx");
  });

  it("refuses other types as 'must be a CSV or XLSX file'", async () => {
    expect(await fileError(csvFile("code,value\nX,1\n", "values.json", "application/json"))).toEqual({ code: "wrong-type" });
    expect(await fileError(csvFile("%PDF-1.7", "values.pdf", "application/pdf"))).toEqual({ code: "wrong-type" });
    expect(await fileError(csvFile("code,value\nX,1\n", "values", "application/octet-stream"))).toEqual({ code: "wrong-type" });
    expect(await fileError({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), fileName: "chart.csv" })).toEqual({
      code: "wrong-type",
    });
  });

  it("refuses a .xlsx that is not really a workbook, and a .csv that is really a zip", async () => {
    expect(await fileError(csvFile("code,value\nX,1\n", "values.xlsx"))).toEqual({ code: "wrong-type" });
    const real = await xlsxBytes([
      {
        rows: [
          ["code", "value"],
          ["X", 1],
        ],
      },
    ]);
    expect(await fileError({ bytes: real, fileName: "values.csv" })).toEqual({ code: "wrong-type" });
    const notAWorkbook = zipBytes([{ name: "readme.txt", data: new TextEncoder().encode("hello") }]);
    expect(await fileError({ bytes: notAWorkbook, fileName: "values.xlsx" })).toEqual({ code: "bad-xlsx" });
    expect(await fileError({ bytes: real.subarray(0, real.length - 30), fileName: "values.xlsx" })).toEqual({ code: "bad-xlsx" });
  });

  it("names old .xls workbooks and password-protected files", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await fileError({ bytes: ole, fileName: "values.xls" })).toEqual({ code: "old-excel" });
    expect(await fileError({ bytes: ole, fileName: "protected.xlsx" })).toEqual({ code: "old-excel" });
  });
});

describe("parseImportFile: XLSX", () => {
  it("reads the first sheet: numbers, text, rich text, formulas by their saved result, percentages and dates", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Values",
        rows: [
          ["Indicator code", "Period", "Value", "Note"],
          ["CONTACTS", "2019-09", 1337, null],
          [
            { richText: [{ text: "CP_" }, { text: "PLANS" }] },
            new Date(Date.UTC(2019, 8, 1)),
            { formula: "400+56", result: 456 },
            "from the system",
          ],
          ["ASSESS_45WD_PCT", "2019-09", { value: 0.581, numFmt: "0.0%" }, null],
          ["RATE", "2019-09", { formula: "0.1+0.2", result: 0.30000000000000004 }, null],
        ],
      },
      {
        name: "Other",
        rows: [
          ["code", "value"],
          ["IGNORED", 1],
        ],
      },
    ]);
    const t = await table({ bytes, fileName: "values.xlsx" });
    expect(t.kind).toBe("xlsx");
    expect(t.headers).toEqual({ code: "Indicator code", period: "Period", value: "Value", note: "Note" });
    expect(t.rows.map((r) => [r.row, r.code, r.period, r.value, r.note])).toEqual([
      [2, "CONTACTS", "2019-09", "1337", ""],
      [3, "CP_PLANS", "2019-09-01", "456", "from the system"],
      [4, "ASSESS_45WD_PCT", "2019-09", "58.1%", ""],
      [5, "RATE", "2019-09", "0.3", ""],
    ]);
  });

  it("reads a workbook whatever the order of its zip's parts: a sheet before its workbook part and shared strings", async () => {
    // exceljs's streaming reader, used before, threw on this order ("reading 'sheets'" of a workbook
    // model not yet read), and failed now and then on the usual order too (exceljs issue 3064).
    const written = await xlsxBytes([
      {
        name: "Values",
        rows: [
          ["code", "value"],
          ["CONTACTS", { value: 0.25, numFmt: "0%" }],
          ["CP_PLANS", 456],
        ],
      },
    ]);
    const directory = readZipDirectory(written);
    if (!directory.ok) throw new Error("exceljs wrote a zip we cannot read");
    const data = (name: string) => {
      const part = directory.parts.find((p) => p.name === name)!;
      const bytes = zipPartData(written, part)!;
      return part.method === 8 ? new Uint8Array(inflateRawSync(bytes)) : bytes;
    };
    const order = [
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/workbook.xml",
      "[Content_Types].xml",
    ];
    const reordered = zipBytes(order.map((name) => ({ name, data: data(name) })));
    const t = await table({ bytes: reordered, fileName: "values.xlsx" });
    expect(t.rows.map((r) => [r.row, r.code, r.value])).toEqual([
      [2, "CONTACTS", "25%"],
      [3, "CP_PLANS", "456"],
    ]);
  });

  it("marks Excel error cells and formulas with no saved result as problems on their row", async () => {
    const t = await table(
      await xlsxFile([
        ["code", "value"],
        ["A", { error: "#DIV/0!" }],
        ["B", { formula: "1+1" }],
      ]),
    );
    expect(t.rows[0].problems).toEqual([{ column: "value", reason: "the cell shows the Excel error #DIV/0!" }]);
    expect(t.rows[1].problems).toEqual([{ column: "value", reason: stringMatching(/no saved result/) }]);
  });

  it("refuses an empty workbook and a sheet with a header only", async () => {
    expect(await fileError(await xlsxFile([]))).toEqual({ code: "empty" });
    expect(await fileError(await xlsxFile([["code", "value"]]))).toEqual({ code: "no-rows" });
    expect(
      await fileError(
        await xlsxFile([
          ["code", "period"],
          ["X", "2019-09"],
        ]),
      ),
    ).toEqual({ code: "missing-column", column: "value" });
  });

  it("refuses a sheet with more rows than the cap", async () => {
    const rows = [["code", "value"], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`C${i}`, i])];
    expect(await fileError(await xlsxFile(rows))).toEqual({ code: "too-many-rows" });
  });

  it("refuses zip bombs: a part that claims too much, and a part that unpacks past its claim", async () => {
    const parts = (sheet: { data: Uint8Array; claim?: number }) => [
      { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", ...sheet },
    ];
    const huge = new Uint8Array(70 * 1024 * 1024);
    const claimsTooMuch = zipBytes(parts({ data: huge }));
    expect(claimsTooMuch.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(await fileError({ bytes: claimsTooMuch, fileName: "bomb.xlsx" })).toEqual({ code: "xlsx-too-large" });
    const lies = zipBytes(parts({ data: new Uint8Array(10 * 1024 * 1024), claim: 1000 }));
    expect(await fileError({ bytes: lies, fileName: "liar.xlsx" })).toEqual({ code: "xlsx-too-large" });
  });
});
