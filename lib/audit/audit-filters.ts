// The audit log's filters, read from the page's query string (and the CSV export's, which must
// apply exactly the same ones). Dates are whole days in UK time, entered as GOV.UK date inputs.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { parseDateParts as readDateParts, type DatePart } from "@/lib/validation/date-parts";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  who?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** YYYY-MM-DD, inclusive, UK time */
  from?: string;
  /** YYYY-MM-DD, inclusive, UK time */
  to?: string;
  page: number;
};

export type SearchParams = Record<string, string | string[] | undefined>;
type DateField = "from" | "to";
const DATE_LABEL: Record<DateField, string> = { from: "From date", to: "To date" };

// A NUL in the address is dropped with the filter rather than sent to PostgreSQL.
const filterText = (max: number) =>
  text("The filter")
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((s) => (s ? s : undefined));
const simpleFilters = z.object({
  who: filterText(200),
  action: filterText(100),
  entityType: filterText(100),
  entityId: filterText(100),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A real calendar date from day, month and year text, or the GOV.UK message saying what is wrong
 * and which box to fix first (lib/validation/date-parts.ts is the one reader of date boxes).
 */
export function parseDateParts(
  label: string,
  day: string,
  month: string,
  year: string,
): { ok: true; date: string } | { ok: false; message: string; part: DatePart } {
  const r = readDateParts({ day, month, year }, "date", label);
  return r.ok ? { ok: true, date: r.value } : { ok: false, message: r.message, part: r.parts[0] };
}

export function isRealDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Reads the filters. A date comes either as from=YYYY-MM-DD (links, the export) or as the three
 * boxes of the form (from-day, from-month, from-year). A date that is not valid is left out of the
 * filter and reported in `errors`, keyed by the id of the box to fix.
 */
export function parseAuditFilters(params: SearchParams): { filters: AuditFilters; errors: Record<string, string> } {
  const simple = simpleFilters.parse({
    who: first(params.who) ?? "",
    action: first(params.action) ?? "",
    entityType: first(params.entity) ?? "",
    entityId: first(params.entityId) ?? "",
    page: first(params.page) ?? "1",
  });
  const filters: AuditFilters = { ...simple };
  const errors: Record<string, string> = {};
  for (const field of ["from", "to"] as const) {
    const parts = ["day", "month", "year"].map((p) => first(params[`${field}-${p}`]) ?? "");
    const whole = first(params[field])?.trim() ?? "";
    if (parts.some((p) => p.trim())) {
      const r = parseDateParts(DATE_LABEL[field], parts[0], parts[1], parts[2]);
      if (r.ok) filters[field] = r.date;
      else errors[`${field}-${r.part}`] = r.message;
    } else if (whole) {
      if (isRealDate(whole)) filters[field] = whole;
      else errors[`${field}-day`] = `${DATE_LABEL[field]} must be a real date`;
    }
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors["to-day"] = "To date must be the same as or after the from date";
    delete filters.to;
  }
  return { filters, errors };
}

/** The canonical query string for these filters: pagination links and the CSV export use it. */
export function auditFilterQuery(filters: Omit<AuditFilters, "page"> & { page?: number }): string {
  const q = new URLSearchParams();
  if (filters.who) q.set("who", filters.who);
  if (filters.action) q.set("action", filters.action);
  if (filters.entityType) q.set("entity", filters.entityType);
  if (filters.entityId) q.set("entityId", filters.entityId);
  if (filters.from) q.set("from", filters.from);
  if (filters.to) q.set("to", filters.to);
  if (filters.page && filters.page > 1) q.set("page", String(filters.page));
  return q.toString();
}

export const hasAnyFilter = (f: AuditFilters) => Boolean(f.who || f.action || f.entityType || f.entityId || f.from || f.to);

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function londonOffsetMs(at: Date): number {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a UK calendar day starts (midnight GMT or BST). UK clocks change at 1am, never at midnight. */
export function startOfUkDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - londonOffsetMs(new Date(utcMidnight)));
}

export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
