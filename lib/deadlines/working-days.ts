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
  for (let left = Math.abs(n); left > 0;) {
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
 * Counted by arithmetic (whole weeks, then the days left, less the bank holidays on weekdays in
 * between), not day by day: a page judging a 2019 deadline in 2026 would otherwise walk 2,500 days
 * per step, which cost the period page a third of its time.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (from === to) return 0;
  const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
  const days = Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
  const weeks = Math.floor(days / 7);
  let n = weeks * 5;
  // The days after the whole weeks: (a + 7*weeks, b], each a weekday or not.
  for (let i = 1, wd = new Date(toUtc(a)).getUTCDay(); i <= days - weeks * 7; i++) {
    const w = (wd + i) % 7;
    if (w !== 0 && w !== 6) n++;
  }
  return sign * (n - weekdayHolidaysIn(a, b));
}

/** Bank holidays on a weekday in (a, b]: HOLIDAY_DATES is sorted, so two binary searches. */
function weekdayHolidaysIn(a: IsoDate, b: IsoDate): number {
  return countUpTo(b) - countUpTo(a);
}
const WEEKDAY_HOLIDAYS = [...HOLIDAYS.keys()]
  .filter((d) => {
    const w = new Date(toUtc(d)).getUTCDay();
    return w !== 0 && w !== 6;
  })
  .sort();
/** How many weekday bank holidays fall on or before d. */
function countUpTo(d: IsoDate): number {
  let lo = 0,
    hi = WEEKDAY_HOLIDAYS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (WEEKDAY_HOLIDAYS[mid] <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Today's date in England (the server may run in UTC: at 00:30 BST it is already tomorrow here). */
const ENGLAND_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
export function todayInEngland(now = new Date()): IsoDate {
  return ENGLAND_DAY.format(now);
}
