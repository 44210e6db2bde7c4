"use client";
// One button that changes an account, carrying the version of the account the page showed so a
// stale page is refused rather than overwriting someone else's change.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import type { UserChangeState } from "./actions";

type Props = {
  action: (prev: UserChangeState, form: FormData) => Promise<UserChangeState>;
  userId: string;
  version: number;
  label: string;
  variant?: "primary" | "secondary" | "warning";
  cancelHref?: string;
};

export function UserChangeForm({ action, userId, version, label, variant = "primary", cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const buttonClass = `govuk-button${variant === "primary" ? "" : ` govuk-button--${variant}`}`;
  return (
    <>
      {state && !state.ok ? <ErrorSummary errors={{}} message={state.message} /> : null}
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <div className="govuk-button-group">
          <button type="submit" className={buttonClass} data-module="govuk-button" disabled={pending} aria-disabled={pending}>
            {label}
          </button>
          {cancelHref ? (
            <a className="govuk-link" href={cancelHref}>
              Cancel
            </a>
          ) : null}
        </div>
      </form>
    </>
  );
}
