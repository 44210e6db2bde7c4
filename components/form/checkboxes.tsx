// GOV.UK checkboxes: a group of them in a fieldset, or one on its own (a yes/no setting).
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, legendClass, type FieldProps } from "@/components/form/form-group";
import { optionId, type Option } from "@/components/form/radios";

type Item = { id: string; name: string; value?: string; label: ReactNode; hint?: ReactNode; defaultChecked?: boolean };

function CheckboxItem({ id, name, value, label, hint, defaultChecked }: Item) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} name={name} type="checkbox" value={value} defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-item-hint` : undefined} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>{label}</label>
      {hint ? <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">{hint}</div> : null}
    </div>
  );
}

/** One checkbox in its own form group: sends "on" when ticked, nothing when not. */
export function Checkbox({ id, name = id, label, hint, defaultChecked, small = true }: Omit<Item, "name" | "value"> & { name?: string; small?: boolean }) {
  return (
    <FormGroup>
      <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
        <CheckboxItem id={id} name={name} label={label} hint={hint} defaultChecked={defaultChecked} />
      </div>
    </FormGroup>
  );
}

/** A choice with its own name (a yes/no setting among others) sends "on" under that name. */
export type CheckboxOption = Option & { name?: string };

type Props = FieldProps & { legend: ReactNode; legendSize?: "s" | "m" | "l" | "xl"; options: readonly CheckboxOption[]; checked: readonly string[]; small?: boolean };

/** Several choices under one name (the form sends each ticked value), or settings each named for itself. */
export function Checkboxes({ id, name = id, legend, legendSize, hint, error, note, noteId, options, checked, small }: Props) {
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, { hint, error, noteId })}>
        <legend className={legendClass(legendSize)}>{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} note={note} />
        <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
          {options.map((o, i) => (
            o.name ? (
              <CheckboxItem key={o.value} id={o.name} name={o.name} label={o.label} hint={o.hint} defaultChecked={checked.includes(o.value)} />
            ) : (
              <CheckboxItem key={o.value} id={optionId(id, i, o.value)} name={name} value={o.value} label={o.label} hint={o.hint} defaultChecked={checked.includes(o.value)} />
            )
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}
