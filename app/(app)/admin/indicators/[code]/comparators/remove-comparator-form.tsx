"use client";
// Removes a comparator; if that is refused (say, someone changed the indicator), says why.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { removeComparatorAction } from "./actions";

export function RemoveComparatorForm({ code, version, id, name }: { code: string; version: string; id: string; name: string }) {
  const [state, formAction, pending] = useActionState(removeComparatorAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate>
      {failed ? <ErrorSummary errors={{}} message={failed.message} /> : null}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="expectedUpdatedAt" value={version} />
      <input type="hidden" name="id" value={id} />
      <h2 className="govuk-heading-m">Remove this comparator</h2>
      <p className="govuk-body">The pack will no longer show {name}. The audit log keeps a record of it.</p>
      <button
        type="submit"
        className="govuk-button govuk-button--warning"
        data-module="govuk-button"
        disabled={pending}
        aria-disabled={pending}
      >
        Remove comparator
      </button>
    </form>
  );
}
