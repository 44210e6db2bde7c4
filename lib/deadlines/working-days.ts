// Working days in England and Wales: Monday to Friday, except bank holidays. Dates are ISO
// calendar dates ("2019-09-26") so that no time zone can move a deadline by a day.
import bankHolidays from "./bank-holidays-england-and-wales.json";

export type IsoDate = string;

const HOLIDAYS = new Map(bankHolidays.dates.map((d) => [d.date, d.title]));
export const BANK_HOLIDAY_YEARS = { first: bankHolidays.firstYear, last: bankHolidays.lastYear };

const DAY_MS = 86_400_000;
const toUtc = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: IsoDate, n: number): IsoDate => fromUtc(toUtc(d) + n * DAY_MS);

/** The bank holiday's name, or undefined on an ordinary day. */
export const bankHolidayOn = (d: IsoDate): string | undefined => HOLIDAYS.get(d);

/** Whether the shipped bank-holiday list covers the year of this date (outside it the answer would be a guess). */
export function bankHolidaysKnownFor(d: IsoDate): boolean {
  const year = Number(d.slice(0, 4));
  return year >= BANK_HOLIDAY_YEARS.first && year <= BANK_HOLIDAY_YEARS.last;
}

export function isWorkingDay(d: IsoDate): boolean {
  const weekday = new Date(toUtc(d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(d);
}

/** The working day n working days after d (before it when n is negative); d itself never counts. */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let day = d;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** The latest working day on or before d. */
export function workingDayOnOrBefore(d: IsoDate): IsoDate {
  let day = d;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * Working days from `from` to `to`: positive when `to` is later, counting `to` but not `from`
 * (so the day after a deadline is 1 working day late), negative when `to` is earlier.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (from === to) return 0;
  const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  return sign * n;
}

/** Today's date in England (the server may run in UTC: at 00:30 BST it is already tomorrow here). */
export function todayInEngland(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
