"use client";
// "Change the target from a month onwards": the month (GOV.UK date input), the new target and
// tolerance. An indicator that can only have no target is asked only for the month its target is
// removed from. A refused change keeps what was typed.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { DateInput, dateInputErrorId } from "@/components/form/date-input";
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
  /** The indicator can only have no target (no better direction): only the month is asked for. */
  onlyNoTarget: boolean;
  /** ...and it has never had a target, so there is nothing to change: no form at all. */
  nothingToRemove: boolean;
  defaults: { month?: string; year?: string; target: string; tolerance: string; noTarget: boolean };
};

const MONTH = ["month", "year"] as const;

export function TargetForm({ code, version, suffix, wholeNumbers, defaults, earliestHint, heading, onlyNoTarget, nothingToRemove }: Props) {
  const [state, formAction, pending] = useActionState(changeTargetAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = failed?.values;
  const v = {
    month: typed?.["fromMonth-month"] ?? defaults.month,
    year: typed?.["fromMonth-year"] ?? defaults.year,
    target: typed?.target ?? defaults.target,
    tolerance: typed?.tolerance ?? defaults.tolerance,
    noTarget: typed ? typed.noTarget === "on" : defaults.noTarget,
  };
  const monthId = dateInputErrorId("fromMonth", { month: v.month, year: v.year }, MONTH);
  // Without target fields on the page, any problem is shown at the month, the one thing asked.
  const idFor = (f: string) => (f === "fromMonth" || f === "expectedUpdatedAt" || onlyNoTarget ? monthId : f);
  if (nothingToRemove) return <>{heading}</>;
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} idFor={idFor} />
      {heading}
      <form action={formAction} noValidate>
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="expectedUpdatedAt" value={version} />
        <div key={state?.at ?? 0}>
          <DateInput
            id="fromMonth"
            legendSize="s"
            legend="From which month?"
            error={errors.fromMonth ?? (onlyNoTarget ? (errors.target ?? errors.tolerance) : undefined)}
            parts={MONTH}
            defaults={{ month: v.month, year: v.year }}
            hint={
              <>
                {onlyNoTarget ? "The first month with no target" : "The first month judged against the new target"}, for example 6 2019 for
                June 2019. Earlier months keep their target.
                {earliestHint ? ` ${earliestHint}` : ""}
              </>
            }
          />
          {onlyNoTarget ? (
            <input type="hidden" name="noTarget" value="on" />
          ) : (
            <>
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
            </>
          )}
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          {onlyNoTarget ? "Remove the target" : "Save the new target"}
        </button>
      </form>
    </>
  );
}
