// The months the app accepts anywhere (opening a period, importing figures): from January 2000 to
// the current month. Pure, so the import parser can use it without the database.
import { currentMonth } from "@/lib/format/dates";

export const EARLIEST_MONTH = "2000-01";

/** The latest month that can hold figures: the current one (a month that has not started has none). */
export const latestMonth = (now = new Date()) => currentMonth(now);

export const isMonthInRange = (month: string, now = new Date()) => month >= EARLIEST_MONTH && month <= latestMonth(now);
