// CSV cells that are safe to open in a spreadsheet: formula-like text made inert by the rule the
// pack downloads share (lib/format/spreadsheet-text.ts); every cell with a comma, quote or line
// break is quoted.
import { escapeFormula } from "@/lib/format/spreadsheet-text";

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  s = escapeFormula(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with Windows line endings, as RFC 4180 and Excel expect. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
