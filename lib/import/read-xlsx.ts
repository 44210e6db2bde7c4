// XLSX: the first sheet (in tab order). Numbers, text and dates are read as the cell holds them,
// formulas by their saved result, percentage-formatted cells as the percentage Excel shows.
import type { FileError } from "@/lib/import/file-errors";
import { inspectXlsxZip } from "@/lib/import/inspect-xlsx-zip";
import { MAX_IMPORT_COLUMNS, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from "@/lib/import/limits";
import { tableReader, type GridRow, type TableRead } from "@/lib/import/read-table";
import { readXlsxSheets, type Cell } from "@/lib/annex-a/read-xlsx-sheets";

/** Excel's largest sheet: the row and cell caps are counted on the zip first (inspect-xlsx-zip.ts). */
const EXCEL_MAX_ROWS = 1_048_576;
const LIMITS = {
  unpackedBytes: MAX_XLSX_UNPACKED_BYTES,
  maxRows: EXCEL_MAX_ROWS,
  maxColumns: MAX_IMPORT_COLUMNS,
  maxEntries: MAX_XLSX_ENTRIES,
};

export const UNSAVED_FORMULA = "the formula has no saved result: open the file in Excel, let it calculate and save it again";

/**
 * Read a row at a time from the zip in memory (lib/annex-a/read-xlsx-sheets.ts, the reader the Annex A
 * lists use): each row becomes our few strings as it arrives and the rest of it is let go. Nothing is
 * written to disk, and the order of the zip's parts does not matter. exceljs's streaming reader, used
 * here before, failed about once in a few thousand reads of the same file (exceljs issue 3064).
 */
export async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
  const zip = await inspectXlsxZip(bytes);
  if (!zip.ok) return { ok: false, error: { code: zip.code } };
  const reader = tableReader("xlsx");
  let sheets = 0;
  let date1904 = false;
  let stopped: FileError | null = null;
  const read = await readXlsxSheets(
    bytes,
    LIMITS,
    (sheet) => {
      sheets++;
      if (sheet.position !== 0) return null;
      return (row, cells, unsaved) => {
        stopped ??= reader.add(toGridRow(row, cells, unsaved, date1904));
      };
    },
    (d) => {
      date1904 = d;
    },
  );
  if (!read.ok) return { ok: false, error: { code: read.code } };
  if (sheets === 0) return { ok: false, error: { code: "empty" } };
  if (stopped) return { ok: false, error: stopped };
  return reader.finish();
}

function toGridRow(row: number, cells: Cell[], unsaved: readonly number[], date1904: boolean): GridRow {
  const texts: string[] = [];
  const problems = new Map<number, string>();
  cells.forEach((cell, col) => {
    const read = readCell(cell, date1904);
    texts[col] = read.text;
    if (read.problem) problems.set(col, read.problem);
  });
  for (const col of unsaved) {
    texts[col] = "";
    problems.set(col, UNSAVED_FORMULA);
  }
  for (let i = 0; i < texts.length; i++) texts[i] ??= "";
  return { row, cells: texts, problems };
}

/** Excel's day 0: 30 December 1899 in the 1900 date system, 1 January 1904 in the 1904 one. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function readCell(cell: Cell, date1904 = false): { text: string; problem?: string } {
  if (cell === null) return { text: "" };
  switch (cell.t) {
    case "s":
      return { text: cell.s };
    case "b":
      return { text: cell.b ? "TRUE" : "FALSE" };
    case "e":
      return { text: cell.e, problem: `the cell shows the Excel error ${cell.e}` };
    case "n":
      if (cell.date) {
        const day = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(cell.n) * 86_400_000);
        return { text: Number.isNaN(day.getTime()) ? "" : day.toISOString().slice(0, 10) };
      }
      return { text: numberText(cell.n, cell.percent === true) };
  }
}

/** 0.30000000000000004 is 0.3 to a person; a cell formatted as 58.1% holds 0.581. */
function numberText(n: number, percent: boolean): string {
  const tidy = (x: number) => String(Number(x.toPrecision(15)));
  return percent ? `${tidy(n * 100)}%` : tidy(n);
}
