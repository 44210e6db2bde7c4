// How a cell of an Annex A list is read (spec "Reading values"): dates, identifiers, counts and
// Ofsted's codes. Each reader gives the value, null for a blank, or INVALID with the kind of problem,
// which the data-quality report names; it never keeps or repeats the text itself.
import type { Cell } from "@/lib/annex-a/read-xlsx-sheets";
import { dayOf, isRealDate, type Day } from "@/lib/annex-a/calendar";

export const INVALID = "invalid" as const;
export type Invalid = typeof INVALID;
export type Read<T> = T | null | Invalid;

/** Why a value could not be read: said in the report without the value. */
export type Problem = "not-a-date" | "not-a-real-date" | "two-digit-year" | "number-not-date" | "excel-error" | "not-a-whole-number" | "ends-before-start";

export const PROBLEM_TEXT: Record<Problem, string> = {
  "not-a-date": "is not a date (write it as day/month/year, such as 03/04/2020, or as a date cell)",
  "not-a-real-date": "is not a real date (no such day in that month)",
  "two-digit-year": "has a two-digit year: give the year in full",
  "number-not-date": "is a number, not a date (format the cell as a date)",
  "excel-error": "shows an Excel error (such as #N/A) instead of a value",
  "not-a-whole-number": "is not a whole number of 0 or more",
  "ends-before-start": "is before the start date, so the timescale is left out",
};

/** Excel's day 0: 30 December 1899 (1900 system, past its phantom 29 February 1900) or 1 January 1904. */
const EXCEL_EPOCH_1900 = dayOf(1899, 12, 30);
const EXCEL_EPOCH_1904 = dayOf(1904, 1, 1);

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d+)$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date: a date or date-time cell, d/m/yyyy text, or yyyy-mm-dd text. Blank is null, not invalid. */
export function readDate(cell: Cell, date1904: boolean, problem: (p: Problem) => void): Read<Day> {
  if (cell === null) return null;
  switch (cell.t) {
    case "n":
      if (!cell.date) { problem("number-not-date"); return INVALID; }
      return Math.floor(cell.n) + (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900);
    case "e": problem("excel-error"); return INVALID;
    case "b": problem("not-a-date"); return INVALID;
    case "s": {
      const text = cell.s.trim();
      if (text === "") return null;
      const dmy = DMY.exec(text);
      if (dmy) {
        if (dmy[3].length !== 4) { problem(dmy[3].length === 2 ? "two-digit-year" : "not-a-date"); return INVALID; }
        return realDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), problem);
      }
      const ymd = YMD.exec(text);
      if (ymd) return realDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), problem);
      // eslint-disable-next-line unicorn/prefer-string-starts-ends-with -- code here is fingerprinted with ANNEX_A_RULES_VERSION (rules-version.test.ts): no rule change, no new version
      if (/^#/.test(text)) { problem("excel-error"); return INVALID; }
      problem(/^\d+(\.\d+)?$/.test(text) ? "number-not-date" : "not-a-date");
      return INVALID;
    }
  }
}

function realDay(year: number, month: number, day: number, problem: (p: Problem) => void): Read<Day> {
  if (!isRealDate(year, month, day)) { problem("not-a-real-date"); return INVALID; }
  return dayOf(year, month, day);
}

/** The Child Unique ID as text: 445056 and "445056" are one child; a whole number never gains ".0". */
export function readId(cell: Cell): string | null {
  if (cell === null) return null;
  const text = cell.t === "n" ? String(cell.n) : cell.t === "s" ? cell.s.trim() : cell.t === "e" ? "" : String(cell.b);
  return text === "" ? null : text;
}

/** A count such as the number of previous plans or placements: a whole number of 0 or more. */
export function readCount(cell: Cell, problem: (p: Problem) => void): Read<number> {
  if (cell === null) return null;
  if (cell.t === "e") { problem("excel-error"); return INVALID; }
  const text = cell.t === "n" ? String(cell.n) : cell.t === "s" ? cell.s.trim() : "x";
  if (text === "") return null;
  const n = Number(text);
  if (!/^\d+(\.0+)?$/.test(text) || !Number.isSafeInteger(n)) { problem("not-a-whole-number"); return INVALID; }
  return n;
}

/**
 * A code's text without Ofsted's letter prefix, in capitals: "a) Yes" -> "YES", "F1: Full time in
 * higher education" -> "F1: FULL TIME IN HIGHER EDUCATION". Blank (or an Excel error such as #N/A) is null.
 */
export function readCodeText(cell: Cell): string | null {
  if (cell === null || cell.t === "e") return null;
  const text = (cell.t === "s" ? cell.s : cell.t === "n" ? String(cell.n) : String(cell.b)).trim().replace(/^[a-z]{1,2}\)\s*/i, "").trim();
  if (text === "" || /^#N\/A$/i.test(text)) return null;
  return text.toUpperCase();
}

/** The first word of a code's text: "YES", "F1", "REFU". */
export function firstWord(code: string | null): string | null {
  if (code === null) return null;
  return /^[A-Z0-9]+/.exec(code)?.[0] ?? null;
}

/** An SSDA903 reason ceased (E11, E4A, E45...) wherever it stands in the text. */
export function reasonCeasedCode(code: string | null): string | null {
  if (code === null) return null;
  return /(?:^|[^A-Z0-9])(E\d{1,2}[AB]?)(?![A-Z0-9])/.exec(code)?.[1] ?? null;
}

/** A cell as text for comparing whole rows (duplicates): dates as dates, numbers as numbers, text trimmed. */
export function cellKey(cell: Cell, date1904: boolean): string {
  if (cell === null) return "";
  if (cell.t === "n") return cell.date ? `d${Math.floor(cell.n) + (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900)}` : `n${cell.n}`;
  if (cell.t === "s") {
    const text = cell.s.trim();
    const asDate = DMY.test(text) || YMD.test(text) ? readDate(cell, date1904, () => {}) : INVALID;
    if (typeof asDate === "number") return `d${asDate}`;
    return /^-?\d+(\.\d+)?$/.test(text) ? `n${Number(text)}` : `s${text}`;
  }
  return cell.t === "b" ? `b${cell.b}` : `e${cell.e}`;
}
