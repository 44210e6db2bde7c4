// What the parser hands the validator: the file's rows as text, numbered as the person sees them in
// their spreadsheet, with the header names as they wrote them (errors quote those).
export type ImportColumn = "code" | "period" | "value" | "note";

export type RawRow = {
  /** Line in the CSV or row in the sheet, counting the header as row 1. */
  row: number;
  code: string;
  /** null when the file has no period column (every row is for the page's month). */
  period: string | null;
  value: string;
  /** null when the file has no note column (notes are then left as they are). */
  note: string | null;
  /** Cells that could not be read, e.g. an Excel error such as #DIV/0! */
  problems: { column: ImportColumn; reason: string }[];
};

export type ImportTable = {
  kind: "csv" | "xlsx";
  /** The header text the file uses for each column it has. */
  headers: { code: string; value: string; period: string | null; note: string | null };
  rows: RawRow[];
};

/** A header cell, normalised: case, spaces and hyphens do not matter ("Indicator Code" = indicator_code). */
export const normaliseHeader = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, "_");

export const COLUMN_ALIASES: Record<ImportColumn, readonly string[]> = {
  code: ["indicator_code", "code"],
  period: ["period", "month"],
  value: ["value"],
  note: ["note", "notes"],
};
