// Problems with the file as a whole (as opposed to one row): each has a code, so the upload page can
// show the same message whether the browser sent the file by script or by a plain form post.
import { z } from "zod";
import { MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/import/limits";
import { monthSchema } from "@/lib/validation/month";

export type FileError =
  | { code: "no-file" }
  | { code: "empty" }
  | { code: "no-rows" }
  | { code: "too-large" }
  | { code: "wrong-type" }
  | { code: "old-excel" }
  | { code: "bad-xlsx" }
  | { code: "xlsx-inconsistent" }
  | { code: "xlsx-too-large" }
  | { code: "bad-csv"; line?: number }
  | { code: "wrong-delimiter"; delimiter: "semicolons" | "tabs" }
  | { code: "too-many-rows" }
  | { code: "too-many-columns" }
  | { code: "too-many-cells" }
  | { code: "missing-column"; column: RequiredColumn }
  | { code: "duplicate-column"; column: string }
  | { code: "nul-character"; row: number; column: string }
  | { code: "unreadable-character"; row: number; column: string }
  | { code: "no-rows-for-month"; month: string; otherMonths: string[] }
  | HeaderError;

/** A problem with one heading of the header row: where it is (row, column letter, its text) and why. */
export type HeaderError = {
  code: "bad-month-header" | "duplicate-month" | "mixed-layout";
  row: number;
  column: string;
  header: string;
  reason: string;
};

export type RequiredColumn = "indicator_code" | "value" | "period";

type MonthNamer = (month: string) => string;

/** A zip whose index and contents disagree (lib/import/inspect-xlsx-zip.ts): Excel never writes one, and readers would differ on what it holds. */
export const XLSX_INCONSISTENT =
  "The selected file's zip index does not match what the file holds (parts hidden from it, overlapping or listed twice): open it in Excel and save it again as Excel Workbook (.xlsx)";

export function describeFileError(error: FileError, formatMonth: MonthNamer): string {
  switch (error.code) {
    case "no-file":
      return "Select a CSV or XLSX file";
    case "empty":
      return "The selected file is empty";
    case "no-rows":
      return "The selected file has a header row but no rows of values under it";
    case "too-large":
      return "The selected file must be smaller than 5 MB";
    case "wrong-type":
      return "The selected file must be a CSV or XLSX file";
    case "old-excel":
      return "The selected file is an old Excel (.xls) workbook or is password protected: save it as an unprotected Excel Workbook (.xlsx) or as CSV UTF-8";
    case "bad-xlsx":
      return "The selected file is not a readable XLSX workbook: open it in Excel and save it again as Excel Workbook (.xlsx), or save it as CSV UTF-8";
    case "xlsx-inconsistent":
      return XLSX_INCONSISTENT;
    case "xlsx-too-large":
      return "The selected workbook is too large once unpacked: save just the values sheet as CSV UTF-8 and upload that";
    case "bad-csv":
      return `The selected file is not valid CSV${error.line ? ` (check line ${error.line}: a quote may not be closed)` : ""}`;
    case "wrong-delimiter":
      return `The selected file separates columns with ${error.delimiter}: save it as CSV with commas (in Excel, choose CSV UTF-8)`;
    case "too-many-rows":
      return `The selected file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows`;
    case "too-many-columns":
      return `The selected workbook has more than ${MAX_IMPORT_COLUMNS} columns: keep only the indicator_code, value and other import columns, or save the values as CSV UTF-8`;
    case "too-many-cells":
      return `The selected workbook has more than ${MAX_IMPORT_CELLS.toLocaleString("en-GB")} cells: keep only the values sheet's import columns, or save them as CSV UTF-8`;
    case "missing-column":
      return error.column === "indicator_code"
        ? "The selected file must have an indicator_code column (or code) in its first row"
        : error.column === "period"
          ? "The selected file must say which month each row is for: add a period column (YYYY-MM), or use one column per month headed with its month"
          : "The selected file must have a value column in its first row";
    case "duplicate-column":
      return `The selected file has two columns that mean the same thing (${error.column}): delete one of them`;
    case "bad-month-header":
    case "duplicate-month":
    case "mixed-layout":
      return `Row ${error.row}, column ${error.column}: ${headerProblem(error)}`;
    case "nul-character":
      return `Row ${error.row}, column ${error.column}, holds a NUL character (an invisible control character that cannot be stored): delete it and upload the file again`;
    case "unreadable-character":
      return `Row ${error.row}, column ${error.column}, holds a character that could not be read (shown as \u{FFFD}: the file's bytes are not valid text in its encoding): save the file as CSV UTF-8 and upload it again`;
    case "no-rows-for-month": {
      const others = error.otherMonths.length ? ` It has rows for ${describeMonths(error.otherMonths, formatMonth)}.` : "";
      return `The selected file has no rows for ${formatMonth(error.month)}.${others} Check you are importing into the right month.`;
    }
  }
}

function headerProblem(error: HeaderError): string {
  if (error.code === "duplicate-month") return `two columns are for the same month, ${error.header}: ${error.reason}. Delete one of them`;
  return error.reason;
}

function describeMonths(months: string[], formatMonth: MonthNamer): string {
  const sorted = [...months].sort();
  if (sorted.length === 1) return formatMonth(sorted[0]);
  return `${sorted.length} other months, ${formatMonth(sorted[0])} to ${formatMonth(sorted[sorted.length - 1])}`;
}

const month = monthSchema();
const fileErrorParam = z.discriminatedUnion("code", [
  z.object({
    code: z.enum([
      "no-file",
      "empty",
      "no-rows",
      "too-large",
      "wrong-type",
      "old-excel",
      "bad-xlsx",
      "xlsx-inconsistent",
      "xlsx-too-large",
      "too-many-rows",
      "too-many-columns",
      "too-many-cells",
    ]),
  }),
  z.object({ code: z.literal("bad-csv"), line: z.number().int().positive().optional() }),
  z.object({ code: z.literal("wrong-delimiter"), delimiter: z.enum(["semicolons", "tabs"]) }),
  z.object({ code: z.literal("missing-column"), column: z.enum(["indicator_code", "value", "period"]) }),
  z.object({ code: z.literal("duplicate-column"), column: z.string().max(200) }),
  z.object({ code: z.enum(["nul-character", "unreadable-character"]), row: z.number().int().positive(), column: z.string().max(200) }),
  z.object({ code: z.literal("no-rows-for-month"), month, otherMonths: z.array(month).max(1200) }),
  z.object({
    code: z.enum(["bad-month-header", "duplicate-month", "mixed-layout"]),
    row: z.number().int().positive(),
    column: z.string().max(3),
    header: z.string().max(300),
    reason: z.string().max(400),
  }),
]) satisfies z.ZodType<FileError>;

/** A FileError sent back in the upload page's address after a plain form post; anything else is ignored. */
export function readFileErrorParam(param: string | undefined): FileError | null {
  if (!param) return null;
  try {
    const parsed = fileErrorParam.safeParse(JSON.parse(param));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
