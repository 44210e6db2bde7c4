"use client";
// Adds a user, then shows their generated password once in place of the form.
import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { OneTimePassword } from "../one-time-password";
import { RoleRadios } from "../role-radios";
import { Breakable } from "../../audit/breakable";
import { addUserAction } from "./actions";

export function AddUserForm() {
  const [result, formAction, pending] = useActionState(addUserAction, null);

  if (result?.ok) {
    const user = result.data;
    return (
      <OneTimePassword
        title="User added"
        intro={
          <>
            {user.name} can now sign in as{" "}
            <strong>
              <Breakable text={user.email} />
            </strong>
          </>
        }
        password={user.password}
        userName={user.name}
      >
        <ul className="govuk-list">
          <li>
            <a className="govuk-link" href={`/admin/users/${user.id}`}>
              View {user.name}&apos;s account
            </a>
          </li>
          <li>
            <Link className="govuk-link" href="/admin/users/new">
              Add another user
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href="/admin/users">
              Back to users
            </Link>
          </li>
        </ul>
      </OneTimePassword>
    );
  }

  const errors = result && !result.ok ? result.fieldErrors : {};
  const message = result && !result.ok ? result.message : undefined;
  const values = { name: "", email: "", role: "", ...result?.values };
  return (
    <>
      <ErrorSummary errors={errors} message={message} />
      <h1 className="govuk-heading-l">Add a user</h1>
      <p className="govuk-body">Scrutiny Pack makes a password for them. You will see it once, on the next page, to pass on to them.</p>
      <form action={formAction} noValidate>
        <TextInput
          id="name"
          labelSize="s"
          label="Full name"
          error={errors.name}
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.name}
        />
        <TextInput
          id="email"
          labelSize="s"
          label="Email address"
          hint="They sign in with this. Use their work address."
          error={errors.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.email}
        />
        <RoleRadios key={values.role} legend="Role" defaultRole={values.role} error={errors.role} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Add user
        </button>
      </form>
    </>
  );
}
