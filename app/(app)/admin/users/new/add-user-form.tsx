"use client";
// Adds a user, then shows their generated password once in place of the form.
import { useActionState } from "react";
import { ErrorSummary, FieldError } from "@/components/error-summary";
import { OneTimePassword } from "../one-time-password";
import { RoleRadios } from "../role-radios";
import { Breakable } from "../../audit/breakable";
import { addUserAction, type AddUserState } from "./actions";

export function AddUserForm() {
  const [state, formAction, pending] = useActionState<AddUserState, FormData>(addUserAction, null);
  const result = state?.result;

  if (result?.ok) {
    const user = result.data;
    return (
      <OneTimePassword title="User added" intro={<>{user.name} can now sign in as <strong><Breakable text={user.email} /></strong></>} password={user.password} userName={user.name}>
        <ul className="govuk-list">
          <li><a className="govuk-link" href={`/admin/users/${user.id}`}>View {user.name}&apos;s account</a></li>
          <li><a className="govuk-link" href="/admin/users/new">Add another user</a></li>
          <li><a className="govuk-link" href="/admin/users">Back to users</a></li>
        </ul>
      </OneTimePassword>
    );
  }

  const errors = result && !result.ok ? result.fieldErrors : {};
  const message = result && !result.ok ? result.message : undefined;
  const values = state?.values ?? { name: "", email: "", role: "" };
  return (
    <>
      <ErrorSummary errors={errors} message={message} />
      <h1 className="govuk-heading-l">Add a user</h1>
      <p className="govuk-body">Scrutiny Pack makes a password for them. You will see it once, on the next page, to pass on to them.</p>
      <form action={formAction} noValidate>
        <div className={`govuk-form-group${errors.name ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="name">Full name</label>
          <FieldError id="name" error={errors.name} />
          <input className={`govuk-input${errors.name ? " govuk-input--error" : ""}`} id="name" name="name" type="text" autoComplete="off" spellCheck={false} defaultValue={values.name} aria-describedby={errors.name ? "name-error" : undefined} />
        </div>
        <div className={`govuk-form-group${errors.email ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="email">Email address</label>
          <div id="email-hint" className="govuk-hint">They sign in with this. Use their work address.</div>
          <FieldError id="email" error={errors.email} />
          <input className={`govuk-input${errors.email ? " govuk-input--error" : ""}`} id="email" name="email" type="email" autoComplete="off" spellCheck={false} defaultValue={values.email} aria-describedby={["email-hint", errors.email ? "email-error" : ""].filter(Boolean).join(" ")} />
        </div>
        <RoleRadios key={values.role} legend="Role" defaultRole={values.role} error={errors.role} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>Add user</button>
      </form>
    </>
  );
}
