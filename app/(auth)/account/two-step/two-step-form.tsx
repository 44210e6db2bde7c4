"use client";
// Setting up an authenticator app: the key to add, a code to prove it and the current password, then the recovery codes once.
import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { enableSecondFactorAction, type TwoStepState } from "./actions";

export function TwoStepForm({ secret, uri, required }: { secret: string; uri: string; required: boolean }) {
  const [state, formAction, pending] = useActionState<TwoStepState, FormData>(enableSecondFactorAction, null);
  if (state?.ok) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Two-step sign-in is on</h1>
        </div>
        <h2 className="govuk-heading-m">Save your recovery codes</h2>
        <p className="govuk-body">
          If you lose your phone, each of these codes lets you sign in once instead of a code from the app. Keep them somewhere safe: you
          will not see them again.
        </p>
        <ul className="govuk-list app-recovery-codes" data-testid="recovery-codes">
          {state.data.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Link className="govuk-button" href="/">
          Continue
        </Link>
      </>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok ? state.message : undefined;
  return (
    <>
      <ErrorSummary errors={errors} message={message} />
      <h1 className="govuk-heading-l">Set up two-step sign-in</h1>
      {required ? (
        <div className="govuk-inset-text">Administrators and the director must use two-step sign-in. Set it up to carry on.</div>
      ) : null}
      <p className="govuk-body">
        After your password, signing in will also need a 6-digit code from an authenticator app on your phone, such as Microsoft
        Authenticator or Google Authenticator.
      </p>
      <ol className="govuk-list govuk-list--number">
        <li>In your authenticator app, add an account and choose to enter a setup key.</li>
        <li>
          Enter this key (spaces do not matter), as a time-based key:
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-top-2">
            <code data-testid="totp-secret">{secret.match(/.{1,4}/g)?.join(" ")}</code>
          </p>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">If your app asks for a setup link instead</span>
            </summary>
            <div className="govuk-details__text">
              <code className="app-break-anywhere">{uri}</code>
            </div>
          </details>
        </li>
        <li>Enter the code the app now shows, and your current password.</li>
      </ol>
      <form action={formAction} noValidate>
        <input type="hidden" name="secret" value={secret} />
        <TextInput
          id="code"
          labelSize="s"
          label="Code from your authenticator app"
          hint="6 digits, for example 123456"
          error={errors.code}
          width="10"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
        />
        <TextInput
          id="currentPassword"
          labelSize="s"
          label="Your current password"
          hint="To show it is you"
          error={errors.currentPassword}
          type="password"
          inputClassName="govuk-!-width-two-thirds"
          autoComplete="current-password"
          spellCheck={false}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Turn on two-step sign-in
        </button>
      </form>
    </>
  );
}
