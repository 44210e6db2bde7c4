// The one reader of GOV.UK's date input (components/form/date-input.tsx): day, month and year boxes
// (month and year only, for a month) to "YYYY-MM-DD" or "YYYY-MM", with GOV.UK's error messages
// and the boxes to mark. Pure, so a form can run it too to mark the same boxes the server refused.
import { z } from "zod";

export type DatePart = "day" | "month" | "year";
export type DateKind = "date" | "month";
export type DateParts = Partial<Record<DatePart, string | undefined>>;

export const PARTS: Record<DateKind, readonly DatePart[]> = { date: ["day", "month", "year"], month: ["month", "year"] };

export type DatePartsResult = { ok: true; value: string } | { ok: false; message: string; parts: DatePart[] };

/**
 * GOV.UK's messages, with `label` the field as its legend names it ("Due date"): "Enter the due date"
 * when all are empty, "Due date must include a month" when one is missing, "Due date must be a real
 * date" otherwise. `parts` are the boxes in error, in order: the summary links to the first.
 */
export function parseDateParts(values: DateParts, kind: DateKind, label: string): DatePartsResult {
  const parts = PARTS[kind];
  const text = Object.fromEntries(parts.map((p) => [p, (values[p] ?? "").trim()])) as Record<DatePart, string>;
  const missing = parts.filter((p) => !text[p]);
  if (missing.length === parts.length)
    return { ok: false, message: `Enter the ${label.replace(/^the /i, "").toLowerCase()}`, parts: [...parts] };
  if (missing.length) return { ok: false, message: `${label} must include ${listParts(missing)}`, parts: missing };
  const wrong = parts.filter((p) => !PATTERN[p].test(text[p]));
  if (wrong.includes("year") && wrong.length === 1) return { ok: false, message: `Year must include 4 numbers`, parts: ["year"] };
  const y = Number(text.year);
  const m = Number(text.month);
  const d = kind === "date" ? Number(text.day) : 1;
  const real = wrong.length === 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
  if (!real)
    return { ok: false, message: `${label} must be a real ${kind === "date" ? "date" : "month"}`, parts: realFailures(text, kind) };
  const month = `${text.year}-${String(m).padStart(2, "0")}`;
  return { ok: true, value: kind === "date" ? `${month}-${String(d).padStart(2, "0")}` : month };
}

/** The parts a form sent as "{name}-day", "{name}-month" and "{name}-year". */
export function datePartsFrom(raw: Record<string, unknown>, name: string): DateParts {
  const read = (p: DatePart) => (typeof raw[`${name}-${p}`] === "string" ? (raw[`${name}-${p}`] as string) : undefined);
  return { day: read("day"), month: read("month"), year: read("year") };
}

/** The boxes to mark for a message the server gave: the parser's, or all of them when the date was readable. */
export function datePartsInError(values: DateParts, kind: DateKind): DatePart[] {
  const r = parseDateParts(values, kind, "Date");
  return r.ok ? [...PARTS[kind]] : r.parts;
}

/** "2019-10-31" to its boxes ("31", "10", "2019"), to fill a form with a stored date. */
export function dateToParts(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso ?? "");
  if (!m) return {};
  return { year: m[1], month: String(Number(m[2])), ...(m[3] ? { day: String(Number(m[3])) } : {}) };
}

/**
 * A zod field for a date input named `name`: reads "{name}-day" ... from the whole form, or one field
 * "{name}" already written as YYYY-MM-DD (YYYY-MM for a month), as scripts and links send it. Use it
 * inside z.preprocess(withDateParts(...)) so the form's boxes arrive as an object.
 */
export function datePartsField(kind: DateKind, label: string) {
  const sent = z.union([z.string(), z.record(z.string(), z.string().optional())]).optional();
  return sent.transform((v, ctx) => {
    const parts: DateParts = typeof v === "string" ? isoParts(v, kind) : (v ?? {});
    const r = parseDateParts(parts, kind, label);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  });
}

/** For z.preprocess: replaces each named date's boxes with one object the field reads. */
export function withDateParts(names: readonly string[]) {
  return (raw: unknown) => {
    if (!raw || typeof raw !== "object") return raw;
    const out = { ...(raw as Record<string, unknown>) };
    for (const name of names) {
      const parts = datePartsFrom(out, name);
      if (Object.values(parts).some((p) => p !== undefined) && typeof out[name] !== "string") out[name] = parts;
    }
    return out;
  };
}

const PATTERN: Record<DatePart, RegExp> = { day: /^\d{1,2}$/, month: /^\d{1,2}$/, year: /^\d{4}$/ };

function daysIn(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Which boxes make it unreal: a month over 12 marks the month; a day past the month's end, the day. */
function realFailures(text: Record<DatePart, string>, kind: DateKind): DatePart[] {
  const m = Number(text.month);
  const monthBad = !PATTERN.month.test(text.month) || m < 1 || m > 12;
  const yearBad = !PATTERN.year.test(text.year);
  const dayBad =
    kind === "date" &&
    (!PATTERN.day.test(text.day) || Number(text.day) < 1 || (!monthBad && !yearBad && Number(text.day) > daysIn(Number(text.year), m)));
  const bad = PARTS[kind].filter((p) => ({ day: dayBad, month: monthBad, year: yearBad })[p]);
  return bad.length ? bad : [...PARTS[kind]];
}

function listParts(parts: DatePart[]) {
  return `a ${parts.join(" and ")}`;
}

function isoParts(s: string, kind: DateKind): DateParts {
  const m = (kind === "date" ? /^(\d{4})-(\d{2})-(\d{2})$/ : /^(\d{4})-(\d{2})$/).exec(s.trim());
  if (!m) return s.trim() ? { day: kind === "date" ? "x" : undefined, month: "x", year: "x" } : {};
  return { year: m[1], month: m[2], day: m[3] };
}
