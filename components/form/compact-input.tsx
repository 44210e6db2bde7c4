// A text input for a cell of a grid of small forms (this month's values): the same GOV.UK form
// group, label, hint and error as TextInput, but the label and hint may be for screen readers only
// (the row's heading names the field), the error is announced at once (the grid has no summary of
// its own per form), and a button can sit on the input's line.
import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { FieldMessages, FormGroup, describedBy, labelClass, type FieldProps } from "@/components/form/form-group";

type Props = Omit<FieldProps, "note" | "noteId"> & {
  label: ReactNode;
  labelSize?: "s" | "m" | "l" | "xl";
  labelHidden?: boolean;
  labelClassName?: string;
  hintHidden?: boolean;
  /** Said after the error message (what is stored now, after a conflicting save). */
  errorDetail?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  inputClassName?: string;
  groupClassName?: string;
  /** Shown on the input's line (a Save button), inside a wrapper of this class. */
  after?: ReactNode;
  afterClassName?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "inputMode" | "autoComplete" | "spellCheck" | "disabled" | "maxLength">;

export function CompactInput({
  id,
  name = id,
  label,
  labelSize,
  labelHidden,
  labelClassName,
  hint,
  hintHidden,
  error,
  errorDetail,
  value,
  onChange,
  inputRef,
  inputClassName,
  groupClassName,
  after,
  afterClassName,
  ...attrs
}: Props) {
  const input = (
    <input
      ref={inputRef}
      className={`govuk-input${inputClassName ? ` ${inputClassName}` : ""}${error ? " govuk-input--error" : ""}`}
      id={id}
      name={name}
      type="text"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy(id, { hint, error })}
      {...attrs}
    />
  );
  return (
    <FormGroup error={error} className={groupClassName}>
      <label className={`${labelClass(labelSize, labelHidden)}${labelClassName ? ` ${labelClassName}` : ""}`} htmlFor={id}>
        {label}
      </label>
      <FieldMessages
        id={id}
        hint={hint}
        hintClassName={hintHidden ? "govuk-visually-hidden" : undefined}
        error={error}
        alert
        errorDetail={errorDetail}
      />
      {after ? (
        <div className={afterClassName}>
          {input}
          {after}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
