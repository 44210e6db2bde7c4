// A period's deadlines: each step's date from the meeting date and the plan, whether it is done,
// and where it stands today. Pure, so the period page, the home pages, the section pages and the
// reminders all judge a step the same way.
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { statutoryPublicationDate } from "./clear-days";
import { deadlineState, type DeadlineState } from "./deadline-state";
import { STEP_INFO, STEP_KEYS, type StepKey, type StepPlan } from "./step-plan";
import { addWorkingDays, bankHolidaysKnownFor, workingDaysBetween, type IsoDate } from "./working-days";

export type StepProgress = { valuesIn: boolean; commentarySubmitted: boolean; commentaryApproved: boolean };

export type DeadlineStep = {
  key: StepKey;
  label: string;
  owedByLabel: string;
  due: IsoDate;
  done: boolean;
  /** Working days from today to the due date: 0 on the day, negative once it has passed. */
  workingDaysLeft: number;
  state: DeadlineState;
};

export type PeriodDeadlines = {
  meeting: IsoDate;
  statutory: IsoDate;
  steps: DeadlineStep[];
  /** False when the meeting falls outside the years whose bank holidays we ship: dates may be off. */
  bankHolidaysKnown: boolean;
  /** Not yet published and the statutory date is late or due soon, or an earlier step is late. */
  atRisk: boolean;
};

export function stepDueDates(meeting: IsoDate, plan: StepPlan): Record<StepKey, IsoDate> {
  return {
    values: addWorkingDays(meeting, -plan.values),
    commentary: addWorkingDays(meeting, -plan.commentary),
    approval: addWorkingDays(meeting, -plan.approval),
    publication: statutoryPublicationDate(meeting),
  };
}

/** Which steps are done: once a pack is published (or being amended after publication) the cycle is over. */
export function stepsDone(status: PeriodStatus, progress: StepProgress): Record<StepKey, boolean> {
  if (status === "PUBLISHED" || status === "AMENDING") return { values: true, commentary: true, approval: true, publication: true };
  const frozen = status === "SIGNED_OFF";
  return {
    values: frozen || progress.valuesIn,
    commentary: frozen || progress.commentarySubmitted || progress.commentaryApproved,
    approval: frozen || progress.commentaryApproved,
    publication: false,
  };
}

export function derivePeriodDeadlines(input: {
  meeting: IsoDate;
  status: PeriodStatus;
  progress: StepProgress;
  today: IsoDate;
  plan: StepPlan;
}): PeriodDeadlines {
  const due = stepDueDates(input.meeting, input.plan);
  const done = stepsDone(input.status, input.progress);
  const steps = STEP_KEYS.map((key): DeadlineStep => {
    const workingDaysLeft = workingDaysBetween(input.today, due[key]);
    return {
      key,
      label: STEP_INFO[key].label,
      owedByLabel: STEP_INFO[key].owedByLabel,
      due: due[key],
      done: done[key],
      workingDaysLeft,
      state: deadlineState(done[key], workingDaysLeft),
    };
  });
  const publication = steps[steps.length - 1];
  const atRisk = !publication.done && (publication.state !== "ON_TIME" || steps.some((s) => s.state === "LATE"));
  return { meeting: input.meeting, statutory: due.publication, steps, bankHolidaysKnown: bankHolidaysKnownFor(input.meeting), atRisk };
}

/**
 * For a meeting date entered today: how many working days late publication already is (0 when
 * there is still time). Such a date is accepted, with a warning that says so.
 */
export function publicationLateness(meeting: IsoDate, today: IsoDate): { statutory: IsoDate; workingDaysLate: number } {
  const statutory = statutoryPublicationDate(meeting);
  return { statutory, workingDaysLate: Math.max(0, workingDaysBetween(statutory, today)) };
}
