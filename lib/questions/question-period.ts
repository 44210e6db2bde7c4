// The month a question belongs to, and whether questions may be asked about it now: the pack must be
// published (the latest version readable by the panel), and its question deadline not yet passed.
import "server-only";
import { appConfig } from "@/lib/config/app";
import { answersDue, questionDeadline, questionsOpen } from "@/lib/deadlines/panel-deadlines";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format/dates";

export type QuestionWindow = {
  meeting: string;
  /** The last day to ask (its end, in England). */
  deadline: string;
  answersDue: string;
  open: boolean;
  clearDays: number;
};

/** Null for a month with no meeting (only history months have none, and they have no pack). */
export function questionWindow(period: { panelMeetingDate: Date | null }, now = new Date()): QuestionWindow | null {
  if (!period.panelMeetingDate) return null;
  const meeting = period.panelMeetingDate.toISOString().slice(0, 10);
  const clearDays = appConfig.questionClearDays;
  return {
    meeting,
    deadline: questionDeadline(meeting, clearDays),
    answersDue: answersDue(meeting),
    open: questionsOpen(meeting, clearDays, now),
    clearDays,
  };
}

/** Why no question can be asked about a month now, in words for the member; null when one can. */
export function whyQuestionsClosed(
  period: { status: PeriodStatus; panelMeetingDate: Date | null; published: boolean },
  now = new Date(),
): string | null {
  const w = questionWindow(period, now);
  if (!w || !period.published) return "Questions can be asked once this month's pack is published.";
  if (w.open) return null;
  const days = w.clearDays === 1 ? "1 clear working day" : `${w.clearDays} clear working days`;
  return `Questions for the meeting on ${formatDate(w.meeting)} closed at the end of ${formatDate(w.deadline)}, ${days} before the meeting, so that the answers can be written and approved in time.`;
}
