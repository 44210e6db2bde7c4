// GOV.UK radios in a fieldset. The first option's id is the field's id, so the error summary's
// link lands on it; the others are "{id}-{value}".
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, legendClass, type FieldProps } from "@/components/form/form-group";

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

type Props = FieldProps & {
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  options: readonly Option[];
  defaultValue?: string;
  small?: boolean;
  inline?: boolean;
};

export const optionId = (id: string, index: number, value: string) => (index === 0 ? id : `${id}-${value}`);

export function Radios({ id, name = id, legend, legendSize, hint, error, note, noteId, options, defaultValue, small, inline }: Props) {
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, { hint, error, noteId })}>
        <legend className={legendClass(legendSize)}>{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} note={note} />
        <div
          className={`govuk-radios${small ? " govuk-radios--small" : ""}${inline ? " govuk-radios--inline" : ""}`}
          data-module="govuk-radios"
        >
          {options.map((o, i) => {
            const oid = optionId(id, i, o.value);
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input
                  className="govuk-radios__input"
                  id={oid}
                  name={name}
                  type="radio"
                  value={o.value}
                  defaultChecked={defaultValue === o.value}
                  aria-describedby={o.hint ? `${oid}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={oid}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div id={`${oid}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
