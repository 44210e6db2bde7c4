// CSV cells that are safe to open in a spreadsheet: formula-like text made inert by the rule the
// pack downloads share (lib/format/spreadsheet-text.ts), whatever separator the spreadsheet splits on;
// every cell with a comma, semicolon, tab, quote or line break is quoted.
import { csvText } from "@/lib/format/spreadsheet-text";

export function csvCell(value: unknown): string {
  return csvText(cellText(value));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

/** One CSV record with Windows line endings, as RFC 4180 and Excel expect. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
