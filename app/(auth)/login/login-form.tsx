"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { ErrorSummary, FieldError, type FieldErrors } from "@/components/error-summary";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

export function LoginForm({ callbackUrl, initialError, expired }: { callbackUrl: string; initialError?: string; expired?: boolean }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fieldErrors: FieldErrors = {};
    if (!email) fieldErrors.email = "Enter your email address";
    if (!password) fieldErrors.password = "Enter your password";
    setErrors(fieldErrors);
    setMessage(null);
    if (Object.keys(fieldErrors).length) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setMessage(signInErrorMessage(result?.error ?? "INVALID"));
    } catch {
      setMessage("Sign-in did not work. Try again");
    }
    setPending(false);
  }

  return (
    <>
      <ErrorSummary errors={message ? { email: message } : errors} />
      {expired && !message ? (
        <div className="govuk-inset-text">Your session has ended. Sign in again to continue.</div>
      ) : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <form noValidate onSubmit={onSubmit} method="post" action="/api/auth/callback/credentials">
        <div className={`govuk-form-group${errors.email || message ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="email">Email address</label>
          <FieldError id="email" error={errors.email} />
          <input className={`govuk-input${errors.email ? " govuk-input--error" : ""}`} id="email" name="email" type="email" autoComplete="username" spellCheck={false} aria-describedby={errors.email ? "email-error" : undefined} />
        </div>
        <div className={`govuk-form-group${errors.password ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="password">Password</label>
          <FieldError id="password" error={errors.password} />
          <input className={`govuk-input${errors.password ? " govuk-input--error" : ""}`} id="password" name="password" type="password" autoComplete="current-password" aria-describedby={errors.password ? "password-error" : undefined} />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Sign in
        </button>
      </form>
    </>
  );
}
