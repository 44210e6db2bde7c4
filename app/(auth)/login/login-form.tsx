"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { ErrorSummary, type FieldErrors } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

type Props = { callbackUrl: string; initialError?: string; expired?: boolean; microsoft?: boolean };

/** microsoft: Entra ID is configured, so offer it too (an account linked to it signs in only that way). */
export function LoginForm({ callbackUrl, initialError, expired, microsoft = false }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  // Shown once the password was right and the account has two-step sign-in on.
  const [needCode, setNeedCode] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const email = text("email").trim();
    const password = text("password");
    const code = text("code").trim();
    const fieldErrors: FieldErrors = {};
    if (!email) fieldErrors.email = "Enter your email address";
    if (!password) fieldErrors.password = "Enter your password";
    if (needCode && !code) fieldErrors.code = "Enter the 6-digit code from your authenticator app, or one of your recovery codes";
    setErrors(fieldErrors);
    setMessage(null);
    if (Object.keys(fieldErrors).length) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, code, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      const secondFactor = result?.error === "SECOND_FACTOR" || result?.error === "SECOND_FACTOR_INVALID";
      if (secondFactor) setNeedCode(true);
      if (result?.error === "SECOND_FACTOR") setErrors({ code: signInErrorMessage("SECOND_FACTOR")! });
      else setMessage(signInErrorMessage(result?.error ?? "INVALID"));
    } catch {
      setMessage("Sign-in did not work. Try again");
    }
    setPending(false);
  }

  return (
    <>
      <ErrorSummary errors={message ? { [needCode ? "code" : "email"]: message } : errors} />
      {expired && !message ? <div className="govuk-inset-text">Your session has ended. Sign in again to continue.</div> : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <form noValidate onSubmit={(e) => void onSubmit(e)} method="post" action="/api/auth/callback/credentials">
        <TextInput
          id="email"
          label="Email address"
          error={errors.email}
          invalid={Boolean(message && !needCode)}
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
            invalid={Boolean(message)}
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
