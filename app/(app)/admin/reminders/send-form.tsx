"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { sendRemindersAction } from "./actions";

export function SendRemindersForm() {
  const [state, formAction, pending] = useActionState(sendRemindersAction, null);
  return (
    <form action={formAction}>
      <ErrorSummary errors={{}} message={state && !state.ok ? state.message : undefined} />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Send due reminders now
      </button>
    </form>
  );
}
