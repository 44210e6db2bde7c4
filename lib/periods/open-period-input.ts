// What the "Open a period" form sends, parsed the same way by the server action and the domain
// function: GOV.UK date inputs (month and year boxes for the month, day, month and year for the
// meeting), or YYYY-MM and YYYY-MM-DD from scripts and tests. parseDateInput reads dates typed as
// text, for the pasted list of meeting dates.
import { z } from "zod";
import { datePartsField, withDateParts } from "@/lib/validation/date-parts";

/** "2019-09-26" or "26/9/2019" (also with - or . between) to "2019-09-26"; null when not a real date. */
export function parseDateInput(raw: string): string | null {
  const text = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(text)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export const openPeriodInput = z.preprocess(
  withDateParts(["month", "panelMeetingDate"]),
  z.object({ month: datePartsField("month", "Month"), panelMeetingDate: datePartsField("date", "Panel meeting date") }),
);

/** The month and date as YYYY-MM and YYYY-MM-DD, or the form's boxes ("month-month", "panelMeetingDate-day" ...). */
export type OpenPeriodInput = { month?: string; panelMeetingDate?: string } & Record<string, string | undefined>;
