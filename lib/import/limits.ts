// The import's limits in one place: the upload form checks the size before sending, the route
// handler and the parser enforce all of them on the server.
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** An XLSX is a zip: what it may unpack to, so a small "zip bomb" cannot exhaust memory. */
export const MAX_XLSX_UNPACKED_BYTES = 60 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 2_000;
/** Counted while the sheet is unpacked, before exceljs builds its model of it (a model costs far more than the XML). */
export const MAX_IMPORT_COLUMNS = 50;
export const MAX_IMPORT_CELLS = 500_000;
/** .txt: Excel's "Unicode Text" (UTF-16, tab-separated) and "Text (Tab delimited)". */
export const ACCEPTED_EXTENSIONS = [".csv", ".xlsx", ".txt"] as const;
export const ACCEPT_ATTRIBUTE = ".csv,.xlsx,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
