// Spreadsheet-safe cells for the pack's downloads. A text cell that starts with = + - @ (or a tab or
// carriage return, or their full-width forms) would run as a formula when the file is opened in
// Excel or LibreOffice, so it gets a leading apostrophe (OWASP's advice). Numbers are written as
// numbers: they come from the frozen figures, never from typed text, so they cannot hold a formula.

export type Cell = string | number | null;

import { csvText, escapeFormula } from "@/lib/format/spreadsheet-text";

export { escapeFormula };

/** A number as the CSV shows it: the indicator's decimal places, no thousands separators. */
export function formatCsvNumber(value: number, decimals: number): string {
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const text = value.toFixed(places);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** One CSV field (RFC 4180): escaped against formulas whatever the separator, quoted when it holds one. */
export function csvField(cell: Cell, decimals = 0): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? formatCsvNumber(cell, decimals) : "";
  return csvText(cell);
}

/** One CSV record with Windows line endings, as RFC 4180 and Excel expect. */
export function csvRecord(cells: readonly Cell[], decimals = 0): string {
  return `${cells.map((c) => csvField(c, decimals)).join(",")}\r\n`;
}
