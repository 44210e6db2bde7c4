// The GOV.UK form group every field sits in: the group's error state, the hint and error message
// with the ids the field's aria-describedby names. The rest of components/form/ builds on this, in
// the way DfE's Explore Education Statistics admin builds FormFieldTextInput and friends.
import type { ReactNode } from "react";
import { FieldError } from "@/components/form/error-summary";

export type FieldProps = {
  /** The field's id; also its name unless `name` is given. Errors link to it from the summary. */
  id: string;
  name?: string;
  hint?: ReactNode;
  error?: string;
  /** Shown between the hint and the error, e.g. "Saved by someone else: ..." after a conflict. */
  note?: ReactNode;
  /** The id of `note`, so the field is described by it too. */
  noteId?: string;
};

/** The ids that describe a field, in GOV.UK's order: hint, note, error. */
export function describedBy(
  id: string,
  { hint, error, noteId }: Pick<FieldProps, "hint" | "error" | "noteId">,
  extra: string[] = [],
): string | undefined {
  return [hint ? `${id}-hint` : "", noteId ?? "", error ? `${id}-error` : "", ...extra].filter(Boolean).join(" ") || undefined;
}

/** `invalid` marks the group as in error when the message is said elsewhere (sign-in's one summary). */
export function FormGroup({
  error,
  invalid,
  className,
  id,
  children,
}: {
  error?: string;
  invalid?: boolean;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  return (
    <div id={id} className={`govuk-form-group${error || invalid ? " govuk-form-group--error" : ""}${className ? ` ${className}` : ""}`}>
      {children}
    </div>
  );
}

/** Hint, note and error message, as every field shows them. `alert` and `errorDetail` go to FieldError. */
export function FieldMessages({
  id,
  hint,
  error,
  note,
  hintClassName = "govuk-hint",
  alert,
  errorDetail,
}: FieldProps & { hintClassName?: string; alert?: boolean; errorDetail?: ReactNode }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className={hintClassName}>
          {hint}
        </div>
      ) : null}
      {note}
      <FieldError id={id} error={error} alert={alert}>
        {errorDetail}
      </FieldError>
    </>
  );
}

/** `hidden`: the label is for screen readers only (a field in a table row the row's heading names). */
export const labelClass = (size?: "s" | "m" | "l" | "xl", hidden?: boolean) =>
  `govuk-label${size ? ` govuk-label--${size}` : ""}${hidden ? " govuk-visually-hidden" : ""}`;

/** GOV.UK input widths: fixed ones by characters (2, 3, 4, 5, 10, 20, 30), fluid ones ("one-half", "two-thirds") as override classes. */
export const inputWidthClass = (width?: string) =>
  !width ? "" : /^\d+$/.test(width) ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;
export const legendClass = (size?: "s" | "m" | "l" | "xl") => `govuk-fieldset__legend${size ? ` govuk-fieldset__legend--${size}` : ""}`;
