// The panel's own deadlines, worked out from the meeting: when questions close, when their answers
// are due, and when the executive's response to a recommendation is due. Dates are ISO calendar
// dates in England, as everywhere in lib/deadlines.
import { lastWorkingDayBeforeClearDays } from "./clear-days";
import { addWorkingDays, todayInEngland, type IsoDate } from "./working-days";

/** The council's default: questions close three clear working days before the meeting. */
export const DEFAULT_QUESTION_CLEAR_DAYS = 3;

/**
 * The last day a question can be asked: the end of the working day before the `clearDays` clear
 * working days that precede the meeting (neither that day nor the meeting's counts). For a meeting on
 * Thursday 22 August 2019 with 3 clear days (19, 20 and 21 August), Friday 16 August.
 */
export function questionDeadline(meeting: IsoDate, clearDays = DEFAULT_QUESTION_CLEAR_DAYS): IsoDate {
  return lastWorkingDayBeforeClearDays(meeting, clearDays);
}

/** Whether a question may still be asked: until the end of the deadline's day in England. */
export function questionsOpen(meeting: IsoDate, clearDays = DEFAULT_QUESTION_CLEAR_DAYS, now = new Date()): boolean {
  return todayInEngland(now) <= questionDeadline(meeting, clearDays);
}

/** Answers are due by the working day before the meeting, so members can read them first. */
export function answersDue(meeting: IsoDate): IsoDate {
  return addWorkingDays(meeting, -1);
}

/**
 * Two calendar months after the meeting (Local Government Act 2000, s.9FE: the executive responds
 * within two months). The same day of the month, or that month's last day when it has no such day:
 * 22 August gives 22 October; 31 December gives 28 or 29 February.
 */
export function responseDue(meeting: IsoDate): IsoDate {
  return addCalendarMonths(meeting, 2);
}

export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}
