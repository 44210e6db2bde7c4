// The statutory publication date: papers for a council meeting must be open to inspection five
// clear days before it (Local Government Act 1972, s.100B(3) and s.100K). A clear day excludes the
// day of publication and the day of the meeting; weekends and bank holidays are not clear days
// either (the Act's "clear days" exclude days the council's offices are closed).
import { addDays, addWorkingDays, isWorkingDay, type IsoDate } from "./working-days";

export const STATUTORY_CLEAR_DAYS = 5;

/**
 * The last day the papers can be published. The five clear days are the five working days just
 * before the meeting; publication must happen before the first of them. We take the last working
 * day before that, because nobody publishes papers from a closed office on a Sunday.
 */
export function statutoryPublicationDate(meeting: IsoDate, clearDays = STATUTORY_CLEAR_DAYS): IsoDate {
  return lastWorkingDayBeforeClearDays(meeting, clearDays);
}

/** The last working day before the `clearDays` clear working days that precede the meeting. */
export function lastWorkingDayBeforeClearDays(meeting: IsoDate, clearDays: number): IsoDate {
  const firstClearDay = addWorkingDays(meeting, -clearDays);
  let day = addDays(firstClearDay, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}
