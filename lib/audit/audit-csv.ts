// CSV cells that are safe to open in a spreadsheet. A cell starting with = + - @ (or a tab or
// carriage return) would run as a formula in Excel and LibreOffice, so it gets a leading
// apostrophe (OWASP's advice); every cell with a comma, quote or line break is quoted.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with Windows line endings, as RFC 4180 and Excel expect. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
