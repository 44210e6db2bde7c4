// A GOV.UK select in its form group.
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, labelClass, type FieldProps } from "@/components/form/form-group";

type Props = FieldProps & {
  label: ReactNode;
  labelSize?: "s" | "m" | "l" | "xl";
  /** The label is for screen readers only (a select in a table row that the row names). */
  labelHidden?: boolean;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  selectClassName?: string;
  groupClassName?: string;
};

export function Select({
  id,
  name = id,
  label,
  labelSize,
  labelHidden,
  hint,
  error,
  note,
  noteId,
  options,
  defaultValue,
  value,
  onChange,
  selectClassName,
  groupClassName,
}: Props) {
  return (
    <FormGroup error={error} className={groupClassName}>
      <label className={labelClass(labelSize, labelHidden)} htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} note={note} />
      <select
        className={`govuk-select${selectClassName ? ` ${selectClassName}` : ""}${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        value={value}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-describedby={describedBy(id, { hint, error, noteId })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
