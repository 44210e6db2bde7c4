// One step's deadline on a task list: the words first, then the state as a tag.
import type { DeadlineStep } from "@/lib/deadlines/period-deadlines";
import { DeadlineTag, describeStep } from "./deadline-tag";

export function StepHint({ step }: { step: DeadlineStep }) {
  return (
    <span className="app-step-hint" data-step={step.key}>
      {describeStep(step)} <DeadlineTag step={step} />
    </span>
  );
}
