// A GOV.UK file upload in its form group.
import type { ReactNode, Ref } from "react";
import { FieldMessages, FormGroup, describedBy, labelClass, type FieldProps } from "@/components/form/form-group";

type Props = FieldProps & {
  label: ReactNode;
  labelSize?: "s" | "m" | "l" | "xl";
  accept?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

export function FileUpload({ id, name = id, label, labelSize, hint, error, accept, disabled, inputRef }: Props) {
  return (
    <FormGroup error={error}>
      <label className={labelClass(labelSize)} htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        ref={inputRef}
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy(id, { hint, error })}
      />
    </FormGroup>
  );
}
