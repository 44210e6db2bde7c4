// XLSX: the first sheet (in tab order). Numbers, text and dates are read as the cell holds them,
// formulas by their saved result, percentage-formatted cells as the percentage Excel shows.
import ExcelJS from "exceljs";
import type { FileError } from "@/lib/import/file-errors";
import type { ImportTable } from "@/lib/import/import-table";
import { inspectXlsxZip } from "@/lib/import/inspect-xlsx-zip";
import { readTable, type GridRow } from "@/lib/import/read-table";
import { MAX_IMPORT_ROWS } from "@/lib/import/limits";

type Cell = { text: string; problem?: string };

export async function readXlsx(bytes: Uint8Array): Promise<{ ok: true; table: ImportTable } | { ok: false; error: FileError }> {
  const zip = inspectXlsxZip(bytes);
  if (!zip.ok) return { ok: false, error: { code: zip.code } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: { code: "bad-xlsx" } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: { code: "empty" } };
  // +1 for the header: the shared reader gives the precise message.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) return { ok: false, error: { code: "too-many-rows" } };
  return readTable("xlsx", toGrid(sheet));
}

function toGrid(sheet: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const problems = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const read = readCell(cell.value, cell.numFmt);
      cells[col - 1] = read.text;
      if (read.problem) problems.set(col - 1, read.problem);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    rows.push({ row: rowNumber, cells, problems });
  });
  return rows;
}

export function readCell(value: ExcelJS.CellValue, numFmt?: string): Cell {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") return { text: numberText(value, numFmt) };
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10) };
  if ("error" in value) return { text: value.error, problem: `the cell shows the Excel error ${value.error}` };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    if (value.result === undefined || value.result === null) {
      return { text: "", problem: "the formula has no saved result: open the file in Excel, let it calculate and save it again" };
    }
    return readCell(value.result as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return { text: typeof value.text === "string" ? value.text : readCell(value.text as ExcelJS.CellValue).text };
  return { text: String(value) };
}

/** 0.30000000000000004 is 0.3 to a person; a cell formatted as 58.1% holds 0.581. */
function numberText(n: number, numFmt?: string): string {
  const tidy = (x: number) => String(Number(x.toPrecision(15)));
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ""))) return `${tidy(n * 100)}%`;
  return tidy(n);
}
