"use client";
// Email and password, then a code for an account with two-step sign-in. A real form posting to a server
// action (./actions.ts), so it works before and without JavaScript; with it, the page is not reloaded
// and what was typed (the password too, for the code step) stays in the fields.
import { startTransition, useActionState } from "react";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { signInAction, type SignInState } from "./actions";

type Props = { callbackUrl: string; initialError?: string; expired?: boolean; microsoft?: boolean };

/** microsoft: Entra ID is configured, so offer it too (an account linked to it signs in only that way). */
export function LoginForm({ callbackUrl, initialError, expired, microsoft = false }: Props) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const errors = state?.fieldErrors ?? {};
  // A refusal next-auth sent back in the address (a Microsoft sign-in) until this form answers.
  const message = state ? state.message : (signInErrorMessage(initialError) ?? undefined);
  const needCode = state?.needCode ?? false;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // With JavaScript: the same action, without React's reset of the form after it.
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <>
      <ErrorSummary errors={errors} message={message} />
      {expired && !state && !message ? <div className="govuk-inset-text">Your session has ended. Sign in again to continue.</div> : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <form noValidate action={formAction} onSubmit={onSubmit}>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {needCode ? <input type="hidden" name="step" value="code" /> : null}
        <TextInput
          id="email"
          label="Email address"
          error={errors.email}
          defaultValue={state?.email}
          type="email"
          autoComplete="username"
          spellCheck={false}
        />
        <TextInput id="password" label="Password" error={errors.password} type="password" autoComplete="current-password" />
        {needCode ? (
          <TextInput
            id="code"
            label="Code from your authenticator app"
            hint="6 digits, or one of your recovery codes"
            error={errors.code}
            width="10"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Sign in
        </button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" href="/login/forgotten-password">
          Forgotten your password?
        </Link>
      </p>
      {microsoft ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => void signIn("azure-ad", { callbackUrl })}
        >
          Sign in with Microsoft
        </button>
      ) : null}
    </>
  );
}
