// Which reminders are due for a period's steps today, as data and a pure function: three working
// days before a step's date, and on the day. Each is sent once per person (see send-due-reminders.ts).
import type { DeadlineStep } from "@/lib/deadlines/period-deadlines";
import { DUE_SOON_WORKING_DAYS } from "@/lib/deadlines/deadline-state";

export type ReminderKind = "SOON" | "DUE";

/** When each kind goes: SOON from 3 working days before (so a server down that morning still sends it the next), DUE on the day. */
export const REMINDER_KINDS: Record<ReminderKind, { from: number; to: number; words: string }> = {
  SOON: { from: 1, to: DUE_SOON_WORKING_DAYS, words: "due in" },
  DUE: { from: 0, to: 0, words: "due today" },
};

export function reminderKindFor(step: Pick<DeadlineStep, "done" | "workingDaysLeft">): ReminderKind | null {
  if (step.done) return null;
  for (const [kind, k] of Object.entries(REMINDER_KINDS) as [ReminderKind, (typeof REMINDER_KINDS)[ReminderKind]][]) {
    if (step.workingDaysLeft >= k.from && step.workingDaysLeft <= k.to) return kind;
  }
  return null;
}

/** A recommendation's response (lib/reminders/response-reminders.ts): a week ahead, on the day, and once the day after. */
export type ResponseReminderKind = "SOON" | "DUE" | "OVERDUE";

/**
 * SOON from 5 working days before (a server down that morning still sends it the next), DUE on the
 * day, OVERDUE on the working day after only: one nudge, not one a day for as long as it is late.
 */
export const RESPONSE_REMINDER_KINDS: Record<ResponseReminderKind, { from: number; to: number }> = {
  SOON: { from: 1, to: 5 },
  DUE: { from: 0, to: 0 },
  OVERDUE: { from: -1, to: -1 },
};

export function responseReminderKindFor(r: { responded: boolean; workingDaysLeft: number }): ResponseReminderKind | null {
  if (r.responded) return null;
  for (const [kind, k] of Object.entries(RESPONSE_REMINDER_KINDS) as [ResponseReminderKind, { from: number; to: number }][]) {
    if (r.workingDaysLeft >= k.from && r.workingDaysLeft <= k.to) return kind;
  }
  return null;
}
