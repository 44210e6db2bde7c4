// The dates stated with an Annex A upload: when the lists were extracted (as at) and the date they
// cover from. Each arrives as YYYY-MM-DD (a script) or as the form's day, month and year boxes, and
// defaults as the spec says: as at the month's last day, covering from the first day of the month
// 12 months before.
import { dayOfIso, isoOf, longDate, monthBounds, firstOfMonthBefore } from "@/lib/annex-a/calendar";
import { parseDateInput } from "@/lib/periods/open-period-input";

export type AnnexADates = { asAt: string; coversFrom: string };
export type AnnexADateErrors = Partial<Record<keyof AnnexADates, string>>;

export function defaultAnnexADates(month: string): AnnexADates {
  const { S, E } = monthBounds(month);
  return { asAt: isoOf(E), coversFrom: isoOf(firstOfMonthBefore(S, 12)) };
}

/** A date from the form's boxes ("{name}-day" ...) or one field ("{name}"): "" when none was given. */
export function dateField(form: FormData, name: string): string {
  const whole = form.get(name);
  if (typeof whole === "string") return whole;
  const parts = ["day", "month", "year"].map((p) => form.get(`${name}-${p}`));
  if (parts.every((p) => p === null)) return "";
  const [d, m, y] = parts.map((p) => (typeof p === "string" ? p.trim() : ""));
  return d || m || y ? `${d}/${m}/${y}` : "";
}

const LABEL = { asAt: "The date the lists were extracted", coversFrom: "The date the lists cover from" } as const;

/** The dates as given, or the defaults where a field is blank; field errors where one is not a real date or they do not fit the month. */
export function parseAnnexADates(
  month: string,
  given: Partial<AnnexADates>,
): { ok: true; dates: AnnexADates } | { ok: false; fieldErrors: AnnexADateErrors } {
  const defaults = defaultAnnexADates(month);
  const fieldErrors: AnnexADateErrors = {};
  const read = (key: keyof AnnexADates): string => {
    const raw = (given[key] ?? "").trim();
    if (raw === "" || raw === "//") return defaults[key];
    const iso = parseDateInput(raw);
    if (!iso) fieldErrors[key] = `${LABEL[key]} must be a real date, like ${longDate(dayOfIso(defaults[key]))}`;
    return iso ?? defaults[key];
  };
  const dates = { asAt: read("asAt"), coversFrom: read("coversFrom") };
  const { E } = monthBounds(month);
  if (!fieldErrors.asAt && dayOfIso(dates.asAt) < E)
    fieldErrors.asAt = `The lists must be extracted on or after the month's last day, ${longDate(E)}, to hold the whole month`;
  if (!fieldErrors.coversFrom && !fieldErrors.asAt && dates.coversFrom >= dates.asAt)
    fieldErrors.coversFrom = "The date the lists cover from must be before the date they were extracted";
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, dates };
}
