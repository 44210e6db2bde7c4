// The one rule for text going into a CSV or Excel file, shared by the pack downloads and the audit
// export: a cell that starts with = + - @ (or a tab or carriage return, or the full-width forms Excel
// also reads) would run as a formula when opened, so it gets a leading apostrophe (OWASP's advice).

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text made inert for spreadsheets: "=HYPERLINK(...)" -> "'=HYPERLINK(...)". */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
