// A step's state as words with a symbol; the tag's colour repeats what the words say.
import { DEADLINE_STATE_INFO, describeTimeLeft } from "@/lib/deadlines/deadline-state";
import type { DeadlineStep } from "@/lib/deadlines/period-deadlines";
import { formatDate } from "@/lib/format/dates";

export function DeadlineTag({ step }: { step: Pick<DeadlineStep, "state"> }) {
  const info = DEADLINE_STATE_INFO[step.state];
  return (
    <strong className={`govuk-tag ${info.tagClass} app-deadline-tag`}>
      <span aria-hidden="true">{info.symbol} </span>
      {info.label}
    </strong>
  );
}

/** "Commentary submitted by 10 September 2019: due in 2 working days". */
export function describeStep(step: DeadlineStep): string {
  const when = step.done ? "done" : describeTimeLeft(step.workingDaysLeft);
  return `${step.label} by ${formatDate(step.due)}: ${when}`;
}
