// A month is "YYYY-MM" (01 to 12) everywhere: in addresses, forms, imports and the database. This
// is the one pattern and the one zod schema for it; lib/format/dates.ts turns months into words.
import { z } from "zod";

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string) => MONTH_PATTERN.test(s);

/**
 * A month field. The message says what to do when it is not a month: a typed month asks for the
 * format; a month the page sent itself (a hidden field, the address) asks for a reload.
 */
export const monthSchema = (message = "Enter the month as a year and month, like 2019-09") => z.string().regex(MONTH_PATTERN, message);
