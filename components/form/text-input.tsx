// A GOV.UK text input in its form group: label, hint, error, optional prefix or suffix.
import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, labelClass, type FieldProps } from "@/components/form/form-group";

type Props = FieldProps & {
  label: ReactNode;
  labelSize?: "s" | "m" | "l" | "xl";
  /** GOV.UK fixed widths (2, 3, 4, 5, 10, 20, 30) or fluid ones ("one-half", ...). */
  width?: string;
  prefix?: string;
  suffix?: string;
  defaultValue?: string;
  inputClassName?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "spellCheck" | "autoComplete" | "autoCapitalize" | "required">;

export function TextInput({ id, name = id, label, labelSize, hint, error, note, noteId, width, prefix, suffix, defaultValue, inputClassName, type = "text", ...attrs }: Props) {
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}${inputClassName ? ` ${inputClassName}` : ""}`}
      id={id} name={name} type={type} defaultValue={defaultValue} aria-describedby={describedBy(id, { hint, error, noteId })} {...attrs}
    />
  );
  return (
    <FormGroup error={error}>
      <label className={labelClass(labelSize)} htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} note={note} />
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? <div className="govuk-input__prefix" aria-hidden="true">{prefix}</div> : null}
          {input}
          {suffix ? <div className="govuk-input__suffix" aria-hidden="true">{suffix}</div> : null}
        </div>
      ) : input}
    </FormGroup>
  );
}
