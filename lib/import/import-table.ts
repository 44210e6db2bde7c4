// What the parser hands the validator: the file's rows as text, numbered as the person sees them in
// their spreadsheet, with the header names as they wrote them (errors quote those). A wide file
// (one row per indicator, one column per month) arrives here already turned into one row per
// (indicator, month), each naming the month column its value came from.
import type { TextEncoding } from "@/lib/import/decode-text";

export type ImportColumn = "code" | "name" | "period" | "value" | "note";

export type ImportLayout = "long" | "wide";

export type RawRow = {
  /** Line in the CSV or row in the sheet, counting the header as row 1. */
  row: number;
  code: string;
  /** The indicator's catalogue name, when a wide file names indicators instead of giving codes. */
  name?: string;
  /** null when the file has no period column (every row is for the page's month). */
  period: string | null;
  value: string;
  /** null when the file has no note column (notes are then left as they are). */
  note: string | null;
  /** A wide file's month heading the value sits under, as written ("Apr-19"): errors name it as the column. */
  valueHeader?: string;
  /** Cells that could not be read, e.g. an Excel error such as #DIV/0! */
  problems: { column: ImportColumn; reason: string }[];
};

export type ImportTable = {
  kind: "csv" | "xlsx";
  /** Absent in previews stored before wide files were read: those were long. */
  layout?: ImportLayout;
  /** A CSV's text encoding as found (an XLSX has none to get wrong). */
  encoding?: TextEncoding;
  /** The header text the file uses for each column it has. */
  headers: { code: string; value: string; period: string | null; note: string | null; name?: string | null };
  rows: RawRow[];
};

/** A header cell, normalised: case, spaces and hyphens do not matter ("Indicator Code" = indicator_code). */
export const normaliseHeader = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export const COLUMN_ALIASES: Record<Exclude<ImportColumn, "name">, readonly string[]> = {
  code: ["indicator_code", "code"],
  period: ["period", "month"],
  value: ["value"],
  note: ["note", "notes"],
};

/** A wide file may name its indicators instead of giving codes (matched to the catalogue's exact name). */
export const NAME_ALIASES: readonly string[] = ["indicator", "indicator_name", "name"];
