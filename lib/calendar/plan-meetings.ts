// An administrator enters a year of panel dates at once (a list, or an .ics file from the committee
// system): each creates the period it reports on, ahead of time, or moves an open period's date.
// All or nothing, in one transaction with an audit event per period; a bad line is refused with
// its number and the reason.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { addMonths, currentMonth, formatDate, formatMonth } from "@/lib/format/dates";
import { isPeriodEditable } from "@/lib/periods/period-lifecycle";
import { EARLIEST_MONTH, LATEST_MEETING_MONTHS } from "@/lib/periods/open-period";
import { MAX_MEETINGS, parseDateList, reportingMonthFor, type PlannedMeeting } from "./parse-date-list";
import { parseIcs } from "./parse-ics";

/** How far ahead periods may be planned. */
export const PLAN_AHEAD_MONTHS = 13;

export type PlanInput = { source: "list"; text: string } | { source: "ics"; fileName: string; text: string };

const refuse = (field: "dates" | "file", message: string) => new AppError("VALIDATION", "There is a problem", { [field]: message });

function meetingsFrom(input: PlanInput): PlannedMeeting[] {
  if (input.source === "ics") {
    const r = parseIcs(input.text);
    if (!r.ok) throw refuse("file", `${input.fileName}, line ${r.line}: ${r.message}`);
    return r.events.map((e) => ({ month: reportingMonthFor(e.date), date: e.date, line: e.line }));
  }
  const r = parseDateList(input.text);
  if (!r.ok) throw refuse("dates", `Line ${r.line}: ${r.message}`);
  return r.meetings;
}

export async function planMeetings(actor: SessionUser | null, input: PlanInput, now = new Date()) {
  assertCan(actor, "period.open");
  const field = input.source === "ics" ? "file" : "dates";
  const where = (m: PlannedMeeting) => (input.source === "ics" ? `${input.fileName}, line ${m.line}` : `Line ${m.line}`);
  const meetings = meetingsFrom(input);
  if (meetings.length > MAX_MEETINGS)
    throw refuse(field, `There are ${meetings.length} panel dates: enter at most ${MAX_MEETINGS} at once`);
  const latest = addMonths(currentMonth(now), PLAN_AHEAD_MONTHS);
  const seen = new Map<string, PlannedMeeting>();
  for (const m of meetings) {
    // The same rules as opening one period: after its month ends, within a year of it.
    if (m.date < `${addMonths(m.month, 1)}-01`)
      throw refuse(
        field,
        `${where(m)}: the panel on ${formatDate(m.date)} is before ${formatMonth(m.month)} ends, so it cannot report on it`,
      );
    if (m.date >= `${addMonths(m.month, LATEST_MEETING_MONTHS + 1)}-01`)
      throw refuse(
        field,
        `${where(m)}: the panel on ${formatDate(m.date)} is more than ${LATEST_MEETING_MONTHS} months after ${formatMonth(m.month)}`,
      );
    if (m.month < EARLIEST_MONTH || m.month > latest)
      throw refuse(
        field,
        `${where(m)}: ${formatMonth(m.month)} is outside the months that can be planned (${formatMonth(EARLIEST_MONTH)} to ${formatMonth(latest)})`,
      );
    const twice = seen.get(m.month);
    if (twice)
      throw refuse(
        field,
        `${where(m)}: a second panel for ${formatMonth(m.month)} (the first is on ${formatDate(twice.date)}, line ${twice.line})`,
      );
    seen.set(m.month, m);
  }

  return db.$transaction(async (tx) => {
    const existing = await tx.period.findMany({ where: { month: { in: [...seen.keys()] } } });
    const result = { created: [] as string[], moved: [] as string[], unchanged: [] as string[] };
    for (const m of meetings) {
      const date = new Date(`${m.date}T00:00:00Z`);
      const p = existing.find((e) => e.month === m.month);
      if (!p) {
        const created = await tx.period.create({ data: { month: m.month, panelMeetingDate: date, status: "OPEN", openedById: actor.id } });
        await recordAudit(tx, actor, {
          action: "period.planned",
          entityType: "Period",
          entityId: created.id,
          periodMonth: m.month,
          after: { month: m.month, panelMeetingDate: m.date, source: input.source },
        });
        result.created.push(m.month);
      } else if (p.panelMeetingDate && p.panelMeetingDate.toISOString().slice(0, 10) !== m.date && isPeriodEditable(p.status)) {
        const moved = await tx.period.updateMany({
          where: { id: p.id, version: p.version },
          data: { panelMeetingDate: date, version: { increment: 1 } },
        });
        if (moved.count !== 1)
          throw new AppError("CONFLICT", `${formatMonth(m.month)} changed while the dates were being saved: try again`);
        await recordAudit(tx, actor, {
          action: "period.meetingMoved",
          entityType: "Period",
          entityId: p.id,
          periodMonth: m.month,
          before: { panelMeetingDate: p.panelMeetingDate.toISOString().slice(0, 10) },
          after: { panelMeetingDate: m.date, source: input.source },
        });
        result.moved.push(m.month);
      } else result.unchanged.push(m.month);
    }
    return result;
  });
}
