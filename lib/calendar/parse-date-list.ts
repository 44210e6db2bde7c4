// Reads panel dates typed or pasted one a line: "26/09/2019", "2019-09-26", or a month and its
// date, "2019-08 26/09/2019". Without a month, a meeting reports on the month before it. Pure.
import { parseDateInput } from "@/lib/periods/open-period-input";
import { addMonths } from "@/lib/format/dates";
import { isMonth } from "@/lib/validation/month";

export type PlannedMeeting = { month: string; date: string; line: number };
export type DateListResult = { ok: true; meetings: PlannedMeeting[] } | { ok: false; line: number; message: string };

export const MAX_MEETINGS = 24;

/** The month a meeting on `date` reports on when none is given: the month before. */
export const reportingMonthFor = (date: string) => addMonths(date.slice(0, 7), -1);

export function parseDateList(text: string): DateListResult {
  const meetings: PlannedMeeting[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (const [i, raw] of lines.entries()) {
    const l = raw.trim().replace(/[,;]+$/, "");
    if (!l) continue;
    // "2019-08 26/09/2019": a month, then its date.
    const [, first = "", rest = ""] = /^(\S+)\s+(.+)$/.exec(l) ?? [];
    const month = isMonth(first) ? first : null;
    const date = parseDateInput(month ? rest : l);
    if (!date)
      return {
        ok: false,
        line: i + 1,
        message: `"${l.slice(0, 40)}" is not a date like 26/09/2019 or 2019-09-26 (or a month and date, like 2019-08 26/09/2019)`,
      };
    meetings.push({ month: month ?? reportingMonthFor(date), date, line: i + 1 });
  }
  if (!meetings.length) return { ok: false, line: 1, message: "Enter at least one panel date, one a line" };
  return { ok: true, meetings };
}
