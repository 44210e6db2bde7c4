// Deadlines read from the database: a period's progress (from its readiness) judged against the
// plan today. Every page that shows a deadline comes through here.
import "server-only";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import type { CommentaryState } from "@/lib/commentary/workflow";
import type { Readiness } from "@/lib/periods/readiness";
import { derivePeriodDeadlines, type PeriodDeadlines, type StepProgress } from "./period-deadlines";
import { configuredStepPlan } from "./step-plan";
import { todayInEngland } from "./working-days";

const SUBMITTED_OR_LATER: CommentaryState[] = ["SUBMITTED", "APPROVED"];

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function progressFromReadiness(r: Readiness): StepProgress {
  const states = r.sections.map((s) => s.state);
  return {
    valuesIn: r.missingValues.length === 0,
    commentarySubmitted: states.length > 0 && states.every((s) => SUBMITTED_OR_LATER.includes(s)),
    commentaryApproved: states.length > 0 && states.every((s) => s === "APPROVED"),
  };
}

/** One section's view: its own commentary decides the commentary and approval steps. */
export function progressForSection(valuesIn: boolean, state: CommentaryState): StepProgress {
  return { valuesIn, commentarySubmitted: SUBMITTED_OR_LATER.includes(state), commentaryApproved: state === "APPROVED" };
}

/**
 * The day deadlines are judged against. DEADLINES_TODAY (YYYY-MM-DD) pins it for the demo and the
 * browser tests, whose council lives in 2019; nothing else reads it.
 */
export function deadlineToday(now = new Date()): string {
  const pinned = process.env.DEADLINES_TODAY?.trim();
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return todayInEngland(now);
}

/** null for a history month: it has no panel meeting, so nothing is due. */
export function deadlinesFor(
  period: { panelMeetingDate: Date | null; status: PeriodStatus },
  progress: StepProgress,
  now = new Date(),
): PeriodDeadlines | null {
  if (!period.panelMeetingDate) return null;
  return derivePeriodDeadlines({
    meeting: isoDate(period.panelMeetingDate),
    status: period.status,
    progress,
    today: deadlineToday(now),
    plan: configuredStepPlan(),
  });
}
