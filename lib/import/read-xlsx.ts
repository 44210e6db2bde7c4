// XLSX: the first sheet (in tab order). Numbers, text and dates are read as the cell holds them,
// formulas by their saved result, percentage-formatted cells as the percentage Excel shows.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { FileError } from "@/lib/import/file-errors";
import { inspectXlsxZip } from "@/lib/import/inspect-xlsx-zip";
import { tableReader, type GridRow, type TableRead } from "@/lib/import/read-table";

type Cell = { text: string; problem?: string };

/**
 * Read as a stream (exceljs's WorkbookReader): each row becomes our few strings as it arrives and the
 * rest of it is let go, so a workbook at every cap costs tens of megabytes, not the gigabyte exceljs's
 * whole-workbook model takes. The caps themselves are checked on the zip first (inspect-xlsx-zip.ts).
 */
export async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
  const zip = await inspectXlsxZip(bytes);
  if (!zip.ok) return { ok: false, error: { code: zip.code } };
  const reader = tableReader("xlsx");
  let found: "none" | "read" | FileError;
  try {
    found = await readFirstSheet(bytes, (row) => reader.add(toGridRow(row)));
  } catch {
    return { ok: false, error: { code: "bad-xlsx" } };
  }
  if (found === "none") return { ok: false, error: { code: "empty" } };
  if (found !== "read") return { ok: false, error: found };
  return reader.finish();
}

/**
 * Hands each row of the first sheet in tab order to `take`, stopping at the first problem it returns.
 * "none" for a workbook without a sheet.
 */
async function readFirstSheet(bytes: Uint8Array, take: (row: ExcelJS.Row) => FileError | null): Promise<"none" | "read" | FileError> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let found: "none" | "read" | FileError = "none";
  for await (const sheet of reader) {
    // Sheets arrive in zip order; the workbook part (read before them) gives the tab order.
    const first = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets?.[0];
    const name = (sheet as unknown as { name?: string }).name;
    if (found !== "none" || (first && name !== undefined && name !== first.name)) continue; // the rest are drained unread
    found = "read";
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const problem = take(row);
      if (problem) return problem;
    }
  }
  return found;
}

function toGridRow(row: ExcelJS.Row): GridRow {
  const cells: string[] = [];
  const problems = new Map<number, string>();
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const read = readCell(cell.value, cell.numFmt);
    cells[col - 1] = read.text;
    if (read.problem) problems.set(col - 1, read.problem);
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= "";
  return { row: row.number, cells, problems };
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
    return readCell(value.result, numFmt);
  }
  if ("hyperlink" in value) return { text: typeof value.text === "string" ? value.text : readCell(value.text).text };
  return { text: String(value) };
}

/** 0.30000000000000004 is 0.3 to a person; a cell formatted as 58.1% holds 0.581. */
function numberText(n: number, numFmt?: string): string {
  const tidy = (x: number) => String(Number(x.toPrecision(15)));
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ""))) return `${tidy(n * 100)}%`;
  return tidy(n);
}
