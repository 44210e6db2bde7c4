// A workbook's cells are counted in the zip check, before exceljs builds its in-memory model of the
// sheet, so a small file of many cells or columns is refused with a clear message and little memory.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/import/read-xlsx";
import { inspectXlsxZip } from "@/lib/import/inspect-xlsx-zip";
import { describeFileError } from "@/lib/import/file-errors";
import { MAX_IMPORT_COLUMNS } from "@/lib/import/limits";

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Values");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("XLSX caps applied before the workbook is loaded", () => {
  it("refuses a sheet wider than the column cap, with a message saying so", async () => {
    const wide = Array.from({ length: MAX_IMPORT_COLUMNS + 5 }, (_, i) => `col${i}`);
    const result = await readXlsx(
      await workbook([
        ["indicator_code", "value", ...wide],
        ["CONTACTS", 1],
      ]),
    );
    expect(result).toEqual({ ok: false, error: { code: "too-many-columns" } });
    expect(describeFileError({ code: "too-many-columns" }, String)).toContain(String(MAX_IMPORT_COLUMNS));
  });

  it("counts cells while it unpacks the sheet and stops at the cap", async () => {
    const bytes = await workbook([["indicator_code", "value"], ...Array.from({ length: 200 }, (_, i) => [`C${i}`, i])]);
    expect(await inspectXlsxZip(bytes)).toEqual({ ok: true });
    expect(await inspectXlsxZip(bytes, undefined, { maxCells: 300 })).toEqual({ ok: false, code: "too-many-cells" });
    expect(await inspectXlsxZip(bytes, undefined, { maxRows: 100 })).toEqual({ ok: false, code: "too-many-rows" });
    expect(describeFileError({ code: "too-many-cells" }, String)).toMatch(/cells/);
  });

  it("counts exactly across the chunks the sheet is inflated in (no tag is split or counted twice)", async () => {
    // About 1 MB of sheet XML: four or more 256 KB chunks.
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `INDICATOR_CODE_${i}`,
      i * 1.5,
      `A note long enough to fill the sheet, row ${i}`,
    ]);
    const bytes = await workbook([["indicator_code", "value", "note"], ...rows]);
    expect(await inspectXlsxZip(bytes, undefined, { maxRows: 10_001, maxCells: 30_003 })).toEqual({ ok: true });
    expect(await inspectXlsxZip(bytes, undefined, { maxRows: 10_000 })).toEqual({ ok: false, code: "too-many-rows" });
    expect(await inspectXlsxZip(bytes, undefined, { maxCells: 30_002 })).toEqual({ ok: false, code: "too-many-cells" });
    expect(await inspectXlsxZip(bytes, undefined, { maxColumns: 2 })).toEqual({ ok: false, code: "too-many-columns" });
  });

  it("still reads an ordinary workbook", async () => {
    const result = await readXlsx(
      await workbook([
        ["indicator_code", "value"],
        ["CONTACTS", 12],
      ]),
    );
    expect(result.ok).toBe(true);
  });
});
