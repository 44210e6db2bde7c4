// A GOV.UK date input for a month: month and year boxes in a fieldset. The fields post as
// "{name}Month" and "{name}Year"; the error summary links to the month box ("{id}-month").
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, legendClass, type FieldProps } from "@/components/form/form-group";

type Props = FieldProps & { legend: ReactNode; legendSize?: "s" | "m" | "l" | "xl"; defaultMonth?: string; defaultYear?: string };

export function MonthInput({ id, name = id, legend, legendSize, hint, error, defaultMonth, defaultYear }: Props) {
  const box = (part: "month" | "year", label: string, width: number, value?: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>{label}</label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
          id={`${id}-${part}`} name={`${name}${label}`} type="text" inputMode="numeric" defaultValue={value}
        />
      </div>
    </div>
  );
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, { hint, error })}>
        <legend className={legendClass(legendSize)}>{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        <div className="govuk-date-input" id={id}>
          {box("month", "Month", 2, defaultMonth)}
          {box("year", "Year", 4, defaultYear)}
        </div>
      </fieldset>
    </FormGroup>
  );
}
