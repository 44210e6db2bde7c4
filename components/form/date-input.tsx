// A GOV.UK date input: day, month and year boxes (or some of them: a month is month and year) in a
// fieldset. The boxes are "{id}-{part}"; the error summary links to the first.
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, legendClass, type FieldProps } from "@/components/form/form-group";

export type DatePart = "day" | "month" | "year";

type Props = FieldProps & {
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  parts: readonly DatePart[];
  defaults: Partial<Record<DatePart, string>>;
  /** What each box posts as; "{name}-{part}" unless the form reads other names. */
  nameFor?: (part: DatePart) => string;
  /** The boxes to mark in error (GOV.UK marks only the wrong one when it knows); all by default. */
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
  nameFor = (p) => `${name}-${p}`,
  errorParts = parts,
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
                  name={nameFor(part)}
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
