"use client";
// "Change the target from a month onwards": the month (GOV.UK date input), the new target and
// tolerance. A refused change keeps what was typed.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { DateInput } from "@/components/form/date-input";
import { TextInput } from "@/components/form/text-input";
import { Checkbox } from "@/components/form/checkboxes";
import { changeTargetAction } from "./actions";

type Props = {
  code: string;
  version: string;
  suffix: string;
  wholeNumbers: boolean;
  earliestHint: string | null;
  heading: ReactNode;
  defaults: { month: string; year: string; target: string; tolerance: string; noTarget: boolean };
};

const ID: Record<string, string> = {
  fromMonth: "fromMonth-month",
  target: "target",
  tolerance: "tolerance",
  expectedUpdatedAt: "fromMonth-month",
};

export function TargetForm({ code, version, suffix, wholeNumbers, defaults, earliestHint, heading }: Props) {
  const [state, formAction, pending] = useActionState(changeTargetAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = failed?.values;
  const v = {
    month: typed?.fromMonthMonth ?? defaults.month,
    year: typed?.fromMonthYear ?? defaults.year,
    target: typed?.target ?? defaults.target,
    tolerance: typed?.tolerance ?? defaults.tolerance,
    noTarget: typed ? typed.noTarget === "on" : defaults.noTarget,
  };
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} idFor={(f) => ID[f] ?? f} />
      {heading}
      <form action={formAction} noValidate>
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="expectedUpdatedAt" value={version} />
        <div key={state?.at ?? 0}>
          <DateInput
            id="fromMonth"
            legendSize="s"
            legend="From which month?"
            error={errors.fromMonth}
            parts={["month", "year"]}
            defaults={{ month: v.month, year: v.year }}
            nameFor={(part) => (part === "month" ? "fromMonthMonth" : "fromMonthYear")}
            hint={
              <>
                The first month judged against the new target, for example 6 2019 for June 2019. Earlier months keep their target.
                {earliestHint ? ` ${earliestHint}` : ""}
              </>
            }
          />
          <TextInput
            id="target"
            labelSize="s"
            label="New target"
            width="5"
            inputMode="decimal"
            spellCheck={false}
            suffix={suffix}
            defaultValue={v.target}
            error={errors.target}
            hint={`The figure to reach from this month${wholeNumbers ? ", as a whole number" : ""}`}
          />
          <TextInput
            id="tolerance"
            labelSize="s"
            label="Tolerance (optional)"
            width="5"
            inputMode="decimal"
            spellCheck={false}
            suffix={suffix}
            defaultValue={v.tolerance}
            error={errors.tolerance}
            hint="How far the wrong side of the target still counts as nearly there (amber), in the same units"
          />
          <Checkbox
            id="noTarget"
            label="No target from this month"
            defaultChecked={v.noTarget}
            hint="Removes the target from the chosen month onwards. Leave the target and tolerance blank."
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Save the new target
        </button>
      </form>
    </>
  );
}
