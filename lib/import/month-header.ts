// Reads a wide layout's column headings: which are months, and which month each is. Analysts head
// monthly scorecards "Apr-19", "April 2019", "2019-04", "04/2019", with Excel date cells (read as
// 2019-04-01) or, when the date format was lost, Excel date serial numbers (43556).
import { parseMonth } from "@/lib/import/parse-month";
import { EARLIEST_MONTH, isMonthInRange, latestMonth } from "@/lib/periods/month-range";
import { formatMonth } from "@/lib/format/dates";

export type MonthHeader =
  | { kind: "month"; month: string }
  /** Not meant as a month ("Indicator name", "Target"): the column is ignored. */
  | { kind: "other" }
  /** Looks like a month but is not one we can read, or is outside the months the app accepts. */
  | { kind: "unreadable"; reason: string };

const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/']*\d{2,4}$/;
const NUMERIC_DATE = /^\d{1,4}[-/.]\d{1,4}([-/.]\d{1,4})?([ t].*)?$/;
const SERIAL = /^\d{5}(\.\d+)?$/;
const YEAR = /^\d{4}$/;

export function readMonthHeader(text: string, now = new Date()): MonthHeader {
  const t = text.trim().toLowerCase();
  if (t === "") return { kind: "other" };
  let month: string | null = null;
  if (SERIAL.test(t)) month = serialMonth(Number(t));
  else if (YEAR.test(t))
    return {
      kind: "unreadable",
      reason: `"${text.trim()}" is a year, not a month: head each month's column with its month, for example Apr-19 or 2019-04`,
    };
  else if (MONTH_WORD.test(t) || NUMERIC_DATE.test(t)) month = parseMonth(t.replace(/'/g, " ").replace(/\.(?=\d)/g, "/"));
  else return { kind: "other" };
  if (!month)
    return {
      kind: "unreadable",
      reason: `"${short(text.trim())}" cannot be read as a month: write it as Apr-19, April 2019, 2019-04 or 04/2019`,
    };
  if (!isMonthInRange(month, now)) {
    return {
      kind: "unreadable",
      reason: `"${short(text.trim())}" is ${formatMonth(month)}, outside the months that can hold figures (${formatMonth(EARLIEST_MONTH)} to ${formatMonth(latestMonth(now))})`,
    };
  }
  return { kind: "month", month };
}

/**
 * Excel's day count: 1 is 1 January 1900, and Excel counts a 29 February 1900 that never was, so
 * from 61 on the days run from 30 December 1899.
 */
export function serialMonth(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return parseMonth(date);
}

/** A = 0, Z = 25, AA = 26: how a spreadsheet names the column a person has to find. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);
