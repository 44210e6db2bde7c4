"use client";
// Choose a new role. When a service lead stops being one, the form says which sections they will
// stop owning before anything changes.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import type { Role } from "@/lib/generated/prisma/enums";
import { RoleRadios } from "../../role-radios";
import { changeRoleAction } from "./actions";

type Props = { user: { id: string; name: string; role: Role; roleLabel: string; version: number }; sections: string[] };

export function ChangeRoleForm({ user, sections }: Props) {
  const [state, formAction, pending] = useActionState(changeRoleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <>
      <ErrorSummary errors={errors} message={state && !state.ok ? state.message : undefined} />
      <span className="govuk-caption-l">{user.name}</span>
      <h1 className="govuk-heading-l">Change role</h1>
      <p className="govuk-body">
        {user.name} is currently {/^[AEIOU]/.test(user.roleLabel) ? "an" : "a"} {user.roleLabel.toLowerCase()}. The new role applies from
        their next click: they do not need to sign in again.
      </p>
      {sections.length ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            If {user.name} stops being a service lead, they also stop owning {sections.length === 1 ? "this section" : "these sections"}:
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
              {sections.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            Give {sections.length === 1 ? "it" : "them"} another owner, or the figures and commentary can only be entered by an
            administrator.
          </div>
        </div>
      ) : null}
      <form action={formAction} noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="expectedVersion" value={user.version} />
        <RoleRadios legend="New role" defaultRole={user.role} error={errors.role} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
            Change role
          </button>
          <a className="govuk-link" href={`/admin/users/${user.id}`}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
