// GOV.UK checkboxes: a group of them in a fieldset, or one on its own (a yes/no setting).
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, legendClass, type FieldProps } from "@/components/form/form-group";
import { optionId, type Option } from "@/components/form/radios";

type Item = {
  id: string;
  name: string;
  value?: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultChecked?: boolean;
  /** Controlled: ticked or not, and what to do when it changes (a grid cell's "Not available"). */
  checked?: boolean;
  onChange?: (checked: boolean) => void;
};

function CheckboxItem({ id, name, value, label, hint, defaultChecked, checked, onChange }: Item) {
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        name={name}
        type="checkbox"
        value={value}
        defaultChecked={defaultChecked}
        checked={checked}
        onChange={onChange ? (e) => onChange(e.target.checked) : undefined}
        aria-describedby={hint ? `${id}-item-hint` : undefined}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

type OneProps = Omit<Item, "name"> & {
  name?: string;
  small?: boolean;
  /** Without its own form group: it sits inside a compact form (a value grid cell) whose spacing is its own. */
  inline?: boolean;
  className?: string;
};

/** One checkbox in its own form group: sends `value` ("on" unless given) when ticked, nothing when not. */
export function Checkbox({
  id,
  name = id,
  value,
  label,
  hint,
  defaultChecked,
  checked,
  onChange,
  small = true,
  inline,
  className,
}: OneProps) {
  const box = (
    <div
      className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}${className ? ` ${className}` : ""}`}
      data-module="govuk-checkboxes"
    >
      <CheckboxItem
        id={id}
        name={name}
        value={value}
        label={label}
        hint={hint}
        defaultChecked={defaultChecked}
        checked={checked}
        onChange={onChange}
      />
    </div>
  );
  return inline ? box : <FormGroup>{box}</FormGroup>;
}

/** A choice with its own name (a yes/no setting among others) sends "on" under that name. */
export type CheckboxOption = Option & { name?: string };

type Props = FieldProps & {
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  /** The legend is the form's heading: GOV.UK puts the heading inside it. */
  legendHeading?: "h1" | "h2";
  options: readonly CheckboxOption[];
  checked: readonly string[];
  small?: boolean;
};

/** Several choices under one name (the form sends each ticked value), or settings each named for itself. */
export function Checkboxes({
  id,
  name = id,
  legend,
  legendSize,
  legendHeading: Heading,
  hint,
  error,
  note,
  noteId,
  options,
  checked,
  small,
}: Props) {
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, { hint, error, noteId })}>
        <legend className={legendClass(legendSize)}>
          {Heading ? <Heading className="govuk-fieldset__heading">{legend}</Heading> : legend}
        </legend>
        <FieldMessages id={id} hint={hint} error={error} note={note} />
        <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
          {options.map((o, i) =>
            o.name ? (
              <CheckboxItem
                key={o.value}
                id={o.name}
                name={o.name}
                label={o.label}
                hint={o.hint}
                defaultChecked={checked.includes(o.value)}
              />
            ) : (
              <CheckboxItem
                key={o.value}
                id={optionId(id, i, o.value)}
                name={name}
                value={o.value}
                label={o.label}
                hint={o.hint}
                defaultChecked={checked.includes(o.value)}
              />
            ),
          )}
        </div>
      </fieldset>
    </FormGroup>
  );
}
