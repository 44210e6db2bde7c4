// Months are YYYY-MM strings throughout; these turn them into words for people.
import { MONTH_PATTERN as MONTH_RE, isMonth } from "@/lib/validation/month";

export { isMonth };

// One formatter each, made once: toLocaleDateString(locale, options) builds a new Intl.DateTimeFormat
// on every call (about 0.1 ms), and a pack formats some 5,000 months, which cost the live preview
// half a second a request. Same output (dates.test.ts compares them).
const MONTH_LONG = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const MONTH_SHORT = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

// A month's label never changes: kept once worked out (a pack asks for the same 24 months again and again).
const LONG_LABELS = new Map<string, string>();
const SHORT_LABELS = new Map<string, string>();

function monthLabel(month: string, format: Intl.DateTimeFormat, labels: Map<string, string>): string {
  const known = labels.get(month);
  if (known !== undefined) return known;
  const m = MONTH_RE.exec(month);
  if (!m) return month;
  const label = format.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  if (labels.size < 10_000) labels.set(month, label);
  return label;
}

export const formatMonth = (month: string): string => monthLabel(month, MONTH_LONG, LONG_LABELS);

export const formatShortMonth = (month: string): string => monthLabel(month, MONTH_SHORT, SHORT_LABELS);

/** Like toLocaleDateString, "Invalid Date" for a date that is not one (Intl's format would throw). */
const formatWith = (format: Intl.DateTimeFormat, d: Date | string) => {
  const date = new Date(d);
  return Number.isNaN(date.getTime()) ? "Invalid Date" : format.format(date);
};

export const formatDate = (d: Date | string): string => formatWith(DATE, d);

export const formatDateTime = (d: Date | string): string => formatWith(DATE_TIME, d);

/** The month n months after (or before, when negative) a YYYY-MM month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

export function currentMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}
