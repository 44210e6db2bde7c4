"use client";
// Turning two-step sign-in off: the current password, to show it is the person and not someone at their computer.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { disableSecondFactorAction, type TwoStepOffState } from "./actions";

/** children: what the page says about the second factor, shown under the error summary. */
export function TwoStepOffForm({ children }: { children: ReactNode }) {
  const [state, formAction, pending] = useActionState<TwoStepOffState, FormData>(disableSecondFactorAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok ? state.message : undefined;
  return (
    <>
      <ErrorSummary errors={errors} message={message} />
      {children}
      <h2 className="govuk-heading-m">Turn off two-step sign-in</h2>
      <p className="govuk-body">Signing in will then need only your password. Your recovery codes will stop working.</p>
      <form action={formAction} noValidate>
        <TextInput
          id="currentPassword"
          labelSize="s"
          label="Your current password"
          error={errors.currentPassword}
          type="password"
          inputClassName="govuk-!-width-two-thirds"
          autoComplete="current-password"
          spellCheck={false}
        />
        <button
          type="submit"
          className="govuk-button govuk-button--warning"
          data-module="govuk-button"
          disabled={pending}
          aria-disabled={pending}
        >
          Turn off two-step sign-in
        </button>
      </form>
    </>
  );
}
