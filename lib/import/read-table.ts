// Turns a grid of cells (from CSV or XLSX) into an ImportTable: finds the header row, matches the
// columns, drops blank rows, and enforces the row cap. Shared so both formats behave the same.
import { COLUMN_ALIASES, normaliseHeader, type ImportColumn, type ImportTable, type RawRow } from "@/lib/import/import-table";
import type { FileError } from "@/lib/import/file-errors";
import { MAX_IMPORT_ROWS } from "@/lib/import/limits";

export type GridRow = { row: number; cells: string[]; problems?: Map<number, string> };

export function readTable(kind: ImportTable["kind"], grid: Iterable<GridRow>): { ok: true; table: ImportTable } | { ok: false; error: FileError } {
  let header: GridRow | undefined;
  let positions: Partial<Record<ImportColumn, number>> = {};
  const rows: RawRow[] = [];
  for (const line of grid) {
    if (line.cells.every((c) => c.trim() === "") && !line.problems?.size) continue;
    if (!header) {
      header = line;
      const matched = matchColumns(line.cells);
      if ("error" in matched) return { ok: false, error: matched.error };
      positions = matched.positions;
      continue;
    }
    if (rows.length >= MAX_IMPORT_ROWS) return { ok: false, error: { code: "too-many-rows" } };
    const cell = (c: ImportColumn) => (positions[c] === undefined ? null : (line.cells[positions[c]!] ?? "").trim());
    const problems: RawRow["problems"] = [];
    for (const [index, reason] of line.problems ?? []) {
      const column = (Object.keys(positions) as ImportColumn[]).find((c) => positions[c] === index);
      if (column) problems.push({ column, reason });
    }
    rows.push({ row: line.row, code: cell("code") ?? "", period: cell("period"), value: cell("value") ?? "", note: cell("note"), problems });
  }
  if (!header) return { ok: false, error: { code: "empty" } };
  if (rows.length === 0) return { ok: false, error: { code: "no-rows" } };
  const name = (c: ImportColumn) => (positions[c] === undefined ? null : header!.cells[positions[c]!].trim());
  return { ok: true, table: { kind, headers: { code: name("code")!, value: name("value")!, period: name("period"), note: name("note") }, rows } };
}

function matchColumns(cells: string[]): { positions: Partial<Record<ImportColumn, number>> } | { error: FileError } {
  if (cells.length === 1 && /[;\t]/.test(cells[0])) return { error: { code: "wrong-delimiter", delimiter: cells[0].includes(";") ? "semicolons" : "tabs" } };
  const positions: Partial<Record<ImportColumn, number>> = {};
  for (const [index, text] of cells.entries()) {
    const name = normaliseHeader(text);
    const column = (Object.keys(COLUMN_ALIASES) as ImportColumn[]).find((c) => COLUMN_ALIASES[c].includes(name));
    if (!column) continue; // other columns (an indicator name, say) are allowed and ignored
    if (positions[column] !== undefined) return { error: { code: "duplicate-column", column: `${cells[positions[column]!].trim()} and ${text.trim()}` } };
    positions[column] = index;
  }
  if (positions.code === undefined) return { error: { code: "missing-column", column: "indicator_code" } };
  if (positions.value === undefined) return { error: { code: "missing-column", column: "value" } };
  return { positions };
}
