"use client";
// "Change the target from a month onwards": the month (GOV.UK date input), the new target and
// tolerance. A refused change keeps what was typed.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary, FieldError } from "@/components/error-summary";
import type { FormResult } from "@/lib/catalogue/form-values";
import { changeTargetAction } from "./actions";

type Props = {
  code: string; version: string; suffix: string; wholeNumbers: boolean; earliestHint: string | null; heading: ReactNode;
  defaults: { month: string; year: string; target: string; tolerance: string; noTarget: boolean };
};

const ID: Record<string, string> = { fromMonth: "fromMonth-month", target: "target", tolerance: "tolerance", expectedUpdatedAt: "fromMonth-month" };

export function TargetForm({ code, version, suffix, wholeNumbers, defaults, earliestHint, heading }: Props) {
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(changeTargetAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = failed?.values;
  const v = {
    month: typed?.fromMonthMonth ?? defaults.month, year: typed?.fromMonthYear ?? defaults.year,
    target: typed?.target ?? defaults.target, tolerance: typed?.tolerance ?? defaults.tolerance,
    noTarget: typed ? typed.noTarget === "on" : defaults.noTarget,
  };
  const err = (f: string) => (errors[f] ? " govuk-input--error" : "");
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} idFor={(f) => ID[f] ?? f} />
      {heading}
      <form action={formAction} noValidate>
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="expectedUpdatedAt" value={version} />
        <div key={state?.at ?? 0}>
          <div className={`govuk-form-group${errors.fromMonth ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" role="group" aria-describedby={`fromMonth-hint${errors.fromMonth ? " fromMonth-error" : ""}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">From which month?</legend>
              <div id="fromMonth-hint" className="govuk-hint">
                The first month judged against the new target, for example 6 2019 for June 2019. Earlier months keep their target.
                {earliestHint ? ` ${earliestHint}` : ""}
              </div>
              <FieldError id="fromMonth" error={errors.fromMonth} />
              <div className="govuk-date-input" id="fromMonth">
                <div className="govuk-date-input__item">
                  <div className="govuk-form-group">
                    <label className="govuk-label govuk-date-input__label" htmlFor="fromMonth-month">Month</label>
                    <input className={`govuk-input govuk-date-input__input govuk-input--width-2${err("fromMonth")}`} id="fromMonth-month" name="fromMonthMonth" type="text" inputMode="numeric" defaultValue={v.month} />
                  </div>
                </div>
                <div className="govuk-date-input__item">
                  <div className="govuk-form-group">
                    <label className="govuk-label govuk-date-input__label" htmlFor="fromMonth-year">Year</label>
                    <input className={`govuk-input govuk-date-input__input govuk-input--width-4${err("fromMonth")}`} id="fromMonth-year" name="fromMonthYear" type="text" inputMode="numeric" defaultValue={v.year} />
                  </div>
                </div>
              </div>
            </fieldset>
          </div>
          {(["target", "tolerance"] as const).map((f) => (
            <div key={f} className={`govuk-form-group${errors[f] ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label govuk-label--s" htmlFor={f}>{f === "target" ? "New target" : "Tolerance (optional)"}</label>
              <div id={`${f}-hint`} className="govuk-hint">
                {f === "target"
                  ? `The figure to reach from this month${wholeNumbers ? ", as a whole number" : ""}`
                  : "How far the wrong side of the target still counts as nearly there (amber), in the same units"}
              </div>
              <FieldError id={f} error={errors[f]} />
              <div className="govuk-input__wrapper">
                <input
                  className={`govuk-input govuk-input--width-5${err(f)}`} id={f} name={f} type="text" inputMode="decimal" spellCheck={false}
                  defaultValue={v[f]} aria-describedby={`${f}-hint${errors[f] ? ` ${f}-error` : ""}`}
                />
                {suffix ? <div className="govuk-input__suffix" aria-hidden="true">{suffix}</div> : null}
              </div>
            </div>
          ))}
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="noTarget" name="noTarget" type="checkbox" defaultChecked={v.noTarget} aria-describedby="noTarget-hint" />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="noTarget">No target from this month</label>
                <div id="noTarget-hint" className="govuk-hint govuk-checkboxes__hint">Removes the target from the chosen month onwards. Leave the target and tolerance blank.</div>
              </div>
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Save the new target
        </button>
      </form>
    </>
  );
}
