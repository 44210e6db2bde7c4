"use client";
// The button that removes one year's figure, and Cancel.
import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { removeChildPopulationAction } from "../../actions";

export function RemovePopulationForm({ year }: { year: number }) {
  const [state, action, pending] = useActionState(removeChildPopulationAction, null);
  return (
    <>
      {state && !state.ok ? <ErrorSummary errors={{}} message={state.message} /> : null}
      <form action={action}>
        <input type="hidden" name="year" value={year} />
        <div className="govuk-button-group">
          <button
            type="submit"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            disabled={pending}
            aria-disabled={pending}
          >
            Remove the figure
          </button>
          <Link className="govuk-link" href="/admin/population">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
