// Where a step stands against its date, as data: each state's words, symbol and tag. The words
// say everything; the symbol and colour only repeat them (never colour alone).
export const DEADLINE_STATES = ["DONE", "ON_TIME", "DUE_SOON", "LATE"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A step is due soon from this many working days before its date (reminders go at the same point). */
export const DUE_SOON_WORKING_DAYS = 3;

export const DEADLINE_STATE_INFO: Record<DeadlineState, { label: string; symbol: string; tagClass: string }> = {
  DONE: { label: "Done", symbol: "✓", tagClass: "govuk-tag--green" },
  ON_TIME: { label: "On time", symbol: "○", tagClass: "govuk-tag--blue" },
  DUE_SOON: { label: "Due soon", symbol: "!", tagClass: "govuk-tag--yellow" },
  LATE: { label: "Late", symbol: "✗", tagClass: "govuk-tag--red" },
};

/** The state from whether the step is done and how many working days are left (negative: overdue). */
export function deadlineState(done: boolean, workingDaysLeft: number): DeadlineState {
  if (done) return "DONE";
  if (workingDaysLeft < 0) return "LATE";
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS ? "DUE_SOON" : "ON_TIME";
}

/** "due today", "due in 2 working days", "3 working days late". */
export function describeTimeLeft(workingDaysLeft: number): string {
  if (workingDaysLeft === 0) return "due today";
  const n = Math.abs(workingDaysLeft);
  const days = `${n} working day${n === 1 ? "" : "s"}`;
  return workingDaysLeft > 0 ? `due in ${days}` : `${days} late`;
}
