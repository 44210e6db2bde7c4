// Reads panel dates from an iCalendar (.ics) file exported from a committee system (RFC 5545):
// each VEVENT's DTSTART is a meeting. A malformed file, or one with no events, is refused with the
// line and the reason. Pure: no database.
import { todayInEngland } from "@/lib/deadlines/working-days";

export type IcsEvent = { date: string; summary: string; line: number };
export type IcsResult = { ok: true; events: IcsEvent[] } | { ok: false; line: number; message: string };

const MAX_BYTES = 1_000_000;

/** Unfolds continuation lines (a line starting with a space or tab continues the one before), keeping each logical line's first line number. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && out.length) out[out.length - 1].text += raw.slice(1);
    else out.push({ text: raw, line: i + 1 });
  });
  return out.filter((l) => l.text.trim() !== "");
}

/** DTSTART's date: "20190926", "20190926T180000", with TZID, or UTC ("...Z", taken as the date in England). */
function meetingDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, z] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, hh ? +hh : 0, mi ? +mi : 0, ss ? +ss : 0));
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return null;
  return z ? todayInEngland(date) : `${y}-${mo}-${d}`;
}

export function parseIcs(text: string): IcsResult {
  if (text.length > MAX_BYTES)
    return { ok: false, line: 1, message: `The file is over ${MAX_BYTES / 1_000_000} MB: a year of panel dates is a few kilobytes` };
  const lines = logicalLines(text.replace(/^\uFEFF/, ""));
  if (!lines.length) return { ok: false, line: 1, message: "The file is empty" };
  if (lines[0].text.trim().toUpperCase() !== "BEGIN:VCALENDAR")
    return { ok: false, line: lines[0].line, message: "An iCalendar file starts with BEGIN:VCALENDAR: this is not one" };
  const stack: { name: string; line: number }[] = [];
  const events: IcsEvent[] = [];
  let event: { start?: string; summary: string; line: number; cancelled: boolean } | null = null;
  for (const { text: l, line } of lines) {
    const colon = l.indexOf(":");
    if (colon <= 0) return { ok: false, line, message: `"${l.slice(0, 40)}" is not a property (NAME:value)` };
    const [name, ...params] = l.slice(0, colon).split(";");
    const prop = name.toUpperCase();
    const value = l.slice(colon + 1);
    if (prop === "BEGIN") {
      stack.push({ name: value.trim().toUpperCase(), line });
      if (value.trim().toUpperCase() === "VEVENT") event = { summary: "", line, cancelled: false };
      continue;
    }
    if (prop === "END") {
      const open = stack.pop();
      if (!open || open.name !== value.trim().toUpperCase()) {
        return {
          ok: false,
          line,
          message: open ? `END:${value.trim()} closes BEGIN:${open.name} (line ${open.line})` : `END:${value.trim()} without a BEGIN`,
        };
      }
      if (open.name === "VEVENT" && event) {
        if (!event.start) return { ok: false, line: event.line, message: "This event (BEGIN:VEVENT) has no DTSTART, so it has no date" };
        if (!event.cancelled) events.push({ date: event.start, summary: event.summary, line: event.line });
        event = null;
      }
      continue;
    }
    if (!stack.length) return { ok: false, line, message: `${prop} is outside BEGIN:VCALENDAR ... END:VCALENDAR` };
    if (event && stack.at(-1)?.name === "VEVENT") {
      if (prop === "DTSTART") {
        const date = meetingDate(value);
        if (!date)
          return {
            ok: false,
            line,
            message: `DTSTART "${value.trim()}" is not a date like 20190926 or 20190926T180000${params.length ? "" : ""}`,
          };
        event.start = date;
      } else if (prop === "SUMMARY")
        event.summary = value
          .replace(/\\([,;\\])/g, "$1")
          .replace(/\\n/gi, " ")
          .trim();
      else if (prop === "STATUS" && value.trim().toUpperCase() === "CANCELLED") event.cancelled = true;
    }
  }
  if (stack.length) {
    const open = stack.at(-1)!;
    return { ok: false, line: open.line, message: `BEGIN:${open.name} on line ${open.line} is never closed (the file ends first)` };
  }
  if (!events.length)
    return { ok: false, line: lines.at(-1)!.line, message: "The calendar holds no events: there are no panel dates in it" };
  return { ok: true, events };
}
