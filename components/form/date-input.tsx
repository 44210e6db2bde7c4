// A GOV.UK date input: day, month and year boxes (or month and year, for a month) in a fieldset.
// The boxes are "{id}-{part}"; lib/validation/date-parts.ts reads them, and tells this component
// which boxes to mark and the error summary which box to link to (the first in error).
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, legendClass, type FieldProps } from "@/components/form/form-group";
import { datePartsInError, type DatePart, type DateParts } from "@/lib/validation/date-parts";

export type { DatePart };

const kindOf = (parts: readonly DatePart[]) => (parts.includes("day") ? "date" : "month");

/** Where the error summary links for a date input's error: its first box in error. */
export function dateInputErrorId(id: string, typed: DateParts, parts: readonly DatePart[]) {
  return `${id}-${datePartsInError(typed, kindOf(parts))[0] ?? parts[0]}`;
}

type Props = FieldProps & {
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  parts: readonly DatePart[];
  defaults: Partial<Record<DatePart, string>>;
  /** The boxes to mark in error; by default the ones the date parser finds wrong in what was typed (all, if it reads). */
  errorParts?: readonly DatePart[];
};

const LABEL: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };

export function DateInput({
  id,
  name = id,
  legend,
  legendSize,
  hint,
  error,
  parts,
  defaults,
  errorParts = datePartsInError(defaults, kindOf(parts)),
}: Props) {
  return (
    <FormGroup error={error}>
      {/* eslint-disable-next-line jsx-a11y/no-redundant-roles -- GOV.UK's date input sets role="group" so JAWS reads the hint and error (govuk-frontend's template) */}
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, { hint, error })}>
        <legend className={legendClass(legendSize)}>{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {LABEL[part]}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part === "year" ? 4 : 2}${error && errorParts.includes(part) ? " govuk-input--error" : ""}`}
                  id={`${id}-${part}`}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={defaults[part]}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}
