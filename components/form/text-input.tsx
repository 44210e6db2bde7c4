// A GOV.UK text input in its form group: label, hint, error, optional prefix or suffix.
import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldMessages, FormGroup, describedBy, inputWidthClass, labelClass, type FieldProps } from "@/components/form/form-group";

type Props = FieldProps & {
  label: ReactNode;
  labelSize?: "s" | "m" | "l" | "xl";
  /** GOV.UK fixed widths (2, 3, 4, 5, 10, 20, 30) or fluid ones ("one-half", ...). */
  width?: string;
  prefix?: string;
  suffix?: string;
  defaultValue?: string;
  /** Controlled: the value and what to do when it changes (a live filter). */
  value?: string;
  onChange?: (value: string) => void;
  inputClassName?: string;
  /** The label is the page's (or the form's) heading: GOV.UK wraps it in one. */
  heading?: "h1" | "h2";
  /** The group is in error though its message is shown elsewhere. */
  invalid?: boolean;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "spellCheck" | "autoComplete" | "autoCapitalize" | "required">;

export function TextInput({
  id,
  name = id,
  label,
  labelSize,
  hint,
  error,
  note,
  noteId,
  width,
  prefix,
  suffix,
  defaultValue,
  value,
  onChange,
  inputClassName,
  heading: Heading,
  invalid,
  type = "text",
  ...attrs
}: Props) {
  const input = (
    <input
      className={`govuk-input${inputWidthClass(width)}${error ? " govuk-input--error" : ""}${inputClassName ? ` ${inputClassName}` : ""}`}
      id={id}
      name={name}
      type={type}
      defaultValue={defaultValue}
      value={value}
      onChange={onChange ? (e) => onChange(e.target.value) : undefined}
      aria-describedby={describedBy(id, { hint, error, noteId })}
      {...attrs}
    />
  );
  return (
    <FormGroup error={error} invalid={invalid}>
      {Heading ? (
        <Heading className="govuk-label-wrapper">
          <label className={labelClass(labelSize)} htmlFor={id}>
            {label}
          </label>
        </Heading>
      ) : (
        <label className={labelClass(labelSize)} htmlFor={id}>
          {label}
        </label>
      )}
      <FieldMessages id={id} hint={hint} error={error} note={note} />
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
