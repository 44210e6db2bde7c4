"use client";
// Add a section: just its name. The web address is made from the name.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { createSectionAction } from "./actions";

export function NewSectionForm() {
  const [state, formAction, pending] = useActionState(createSectionAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors.name;
  return (
    <>
      <ErrorSummary errors={failed?.fieldErrors ?? {}} message={failed?.message} />
      <h1 className="govuk-heading-l">Add a section</h1>
      <form action={formAction} noValidate>
        <TextInput
          key={state?.at ?? 0}
          id="name"
          labelSize="s"
          label="Section name"
          error={error}
          defaultValue={failed?.values?.name ?? ""}
          hint="As the pack shows it, for example Early help. It is added at the end of the pack; you can move it afterwards."
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Add section
        </button>
      </form>
    </>
  );
}
