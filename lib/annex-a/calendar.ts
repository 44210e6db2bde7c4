// Dates for the Annex A rules as whole day numbers (days since 1 January 1970), so that comparing,
// counting and "the same day N months before" are arithmetic on integers with no time zone in them.
import { workingDaysBetween } from "@/lib/deadlines/working-days";

export type Day = number;

const DAY_MS = 86_400_000;

export const dayOf = (year: number, month: number, day: number): Day => Date.UTC(year, month - 1, day) / DAY_MS;
export const isoOf = (d: Day): string => new Date(d * DAY_MS).toISOString().slice(0, 10);
export const partsOf = (d: Day): { year: number; month: number; day: number } => {
  const date = new Date(d * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};
export const dayOfIso = (iso: string): Day => dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar date (31/02/2020 is not one). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * "The same day N months before": that day number in the earlier month, or that month's last day
 * where it is shorter (31 March less one month is 29 February in a leap year).
 */
export function sameDayMonthsBefore(d: Day, months: number): Day {
  const { year, month, day } = partsOf(d);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole years completed on `on` since `birth`; a 29 February birthday is reached on 1 March in other years. */
export function ageOn(birth: Day, on: Day): number {
  const b = partsOf(birth);
  const o = partsOf(on);
  let years = o.year - b.year;
  const [bm, bd] = b.month === 2 && b.day === 29 && !isLeapYear(o.year) ? [3, 1] : [b.month, b.day];
  if (o.month < bm || (o.month === bm && o.day < bd)) years--;
  return years;
}

/** Working days D with a < D <= b, Monday to Friday and not a bank holiday in England and Wales (lib/deadlines). */
export function workingDaysFrom(a: Day, b: Day): number {
  return workingDaysBetween(isoOf(a), isoOf(b));
}

/** The month M ("2020-03") as its first day S and last day E. */
export function monthBounds(month: string): { S: Day; E: Day } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { S: dayOf(y, m, 1), E: dayOf(y, m, daysInMonth(y, m)) };
}

/** The first day of the month `n` months before the month starting on S. */
export function firstOfMonthBefore(S: Day, n: number): Day {
  return sameDayMonthsBefore(S, n);
}

/** "1 April 2019". */
export function longDate(d: Day): string {
  return new Date(d * DAY_MS).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
