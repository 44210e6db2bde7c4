"use client";
// Confirm, then see the new password once in place of the form.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { OneTimePassword } from "../../one-time-password";
import { Breakable } from "../../../audit/breakable";
import { resetPasswordAction, type ResetPasswordState } from "./actions";

type Props = { user: { id: string; name: string; email: string; active: boolean; version: number }; self: boolean };

export function ResetPasswordForm({ user, self }: Props) {
  const [state, formAction, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, null);
  const back = `/admin/users/${user.id}`;

  if (state?.ok) {
    return (
      <OneTimePassword
        title="Password reset"
        intro={
          <>
            The old password for{" "}
            <strong>
              <Breakable text={user.email} />
            </strong>{" "}
            no longer works
          </>
        }
        password={state.data.password}
        userName={user.name}
      >
        <p className="govuk-body">
          <a className="govuk-link" href={back}>
            Back to {user.name}&apos;s account
          </a>
        </p>
      </OneTimePassword>
    );
  }
  return (
    <>
      <ErrorSummary errors={{}} message={state && !state.ok ? state.message : undefined} />
      <h1 className="govuk-heading-l">{self ? "Reset your own password?" : `Reset ${user.name}'s password?`}</h1>
      <ul className="govuk-list govuk-list--bullet">
        <li>Scrutiny Pack makes a new password and shows it to you once, on the next page.</li>
        <li>The current password stops working at once.</li>
        <li>If the account is locked after failed sign-ins, it is unlocked.</li>
        <li>
          Anyone signed in as {self ? "you" : user.name} is signed out at once{self ? ": sign in again with the new password" : ""}.
        </li>
        {user.active ? null : <li>The account is deactivated: the new password works only once it is reactivated.</li>}
      </ul>
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="expectedVersion" value={user.version} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
            Reset password
          </button>
          <a className="govuk-link" href={back}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
