"use client";
// Current password, new password twice. Each problem is shown against its field and in the summary.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { changePasswordAction, type ChangePasswordState } from "./actions";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: undefined },
  {
    name: "newPassword",
    label: "New password",
    autoComplete: "new-password",
    hint: "At least 12 characters. Not your email address, and not a common password: three random words work well.",
  },
  { name: "confirmPassword", label: "Confirm new password", autoComplete: "new-password", hint: undefined },
] as const;

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const [state, formAction, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok ? state.message : undefined;
  return (
    <>
      <ErrorSummary errors={errors} message={message} />
      <h1 className="govuk-heading-l">{forced ? "Choose a new password" : "Change your password"}</h1>
      {forced ? (
        <div className="govuk-inset-text">
          An administrator set your password. Choose a new one that only you know before you carry on: enter the password they gave you as
          your current password.
        </div>
      ) : null}
      <form action={formAction} noValidate>
        {FIELDS.map((f) => (
          <TextInput
            key={f.name}
            id={f.name}
            labelSize="s"
            label={f.label}
            hint={f.hint}
            error={errors[f.name]}
            type="password"
            inputClassName="govuk-!-width-two-thirds"
            autoComplete={f.autoComplete}
            spellCheck={false}
          />
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Change password
        </button>
      </form>
    </>
  );
}
