// The one rule for text going into a CSV or Excel file, shared by the pack downloads and the audit
// export: a cell that starts with = + - @ (or a tab or carriage return, or the full-width forms Excel
// also reads) would run as a formula when opened, so it gets a leading apostrophe (OWASP's advice).
// A CSV is also opened where ";" or tab is the list separator, which splits a cell there: so in CSV
// text a formula character after any separator is defused too, and such text is always quoted.

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// A separator some spreadsheet might split on, then optional spaces, then a formula character.
const FORMULA_AFTER_SEPARATOR = /([;,\t|\r\n])(\s*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** Text made inert for spreadsheets: "=HYPERLINK(...)" -> "'=HYPERLINK(...)". */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The text csvText made inert, as it was: the apostrophes it put before a formula character (at the
 * start, or after a separator) taken out again. The import reads a note through this, so a month's
 * values downloaded as CSV (lib/values/month-values-csv.ts) come back unchanged.
 */
export function restoreFormulaText(text: string): string {
  const start = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;
  return text.replace(start, "").replace(/([;,\t|\r\n])(\s*)'(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g, "$1$2");
}

/**
 * One CSV field (RFC 4180) from text: inert however the file is split ("x;=HYPERLINK(...)" ->
 * "x;'=HYPERLINK(...)"), and quoted when it holds a comma, semicolon, tab, quote or line break.
 */
export function csvText(text: string): string {
  const inert = escapeFormula(text).replace(FORMULA_AFTER_SEPARATOR, "$1$2'");
  return /[",;\t\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
