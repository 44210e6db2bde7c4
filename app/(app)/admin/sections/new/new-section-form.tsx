"use client";
// Add a section: just its name. The web address is made from the name.
import { useActionState } from "react";
import { ErrorSummary, FieldError } from "@/components/error-summary";
import type { FormResult } from "@/lib/catalogue/form-values";
import { createSectionAction } from "./actions";

export function NewSectionForm() {
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(createSectionAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors.name;
  return (
    <>
      <ErrorSummary errors={failed?.fieldErrors ?? {}} message={failed?.message} />
      <h1 className="govuk-heading-l">Add a section</h1>
      <form action={formAction} noValidate>
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="name">Section name</label>
          <div id="name-hint" className="govuk-hint">As the pack shows it, for example Early help. It is added at the end of the pack; you can move it afterwards.</div>
          <FieldError id="name" error={error} />
          <input key={state?.at ?? 0} className={`govuk-input${error ? " govuk-input--error" : ""}`} id="name" name="name" type="text" defaultValue={failed?.values?.name ?? ""} aria-describedby={`name-hint${error ? " name-error" : ""}`} />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Add section
        </button>
      </form>
    </>
  );
}
