// A GOV.UK textarea in its form group. With a character limit, use character-count.tsx instead.
import type { ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, labelClass, type FieldProps } from "@/components/form/form-group";

type Props = FieldProps & {
  label: ReactNode;
  labelSize?: "s" | "m" | "l" | "xl";
  rows?: number;
  defaultValue?: string;
  spellCheck?: boolean;
  value?: string;
  onChange?: (value: string) => void;
};

export function Textarea({
  id,
  name = id,
  label,
  labelSize,
  hint,
  error,
  note,
  noteId,
  rows = 5,
  defaultValue,
  spellCheck,
  value,
  onChange,
}: Props) {
  return (
    <FormGroup error={error}>
      <label className={labelClass(labelSize)} htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} note={note} />
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        value={value}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, { hint, error, noteId })}
      />
    </FormGroup>
  );
}
