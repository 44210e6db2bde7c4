"use client";
// The administrator's "Open a period" form: month and panel meeting date, errors beside each field.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { openPeriodAction, type OpenPeriodState } from "./actions";

const IDS: Record<string, string> = { month: "open-month", panelMeetingDate: "open-panel-meeting-date" };

export function OpenPeriodForm({ suggestedMonth }: { suggestedMonth: string }) {
  const [state, formAction, pending] = useActionState<OpenPeriodState, FormData>(openPeriodAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok ? state.message : undefined;
  const values = state?.values ?? { month: suggestedMonth, panelMeetingDate: "" };
  // Remount the fields with what was sent, so a refused form keeps what the administrator typed.
  const key = JSON.stringify(state?.values ?? null);
  return (
    <form action={formAction} noValidate className="app-open-period">
      <ErrorSummary errors={errors} message={Object.keys(errors).length ? undefined : message} idFor={(f) => IDS[f] ?? IDS.month} />
      <h2 className="govuk-heading-m">Open a period</h2>
      <p className="govuk-body">Opening a month lets service leads enter its figures and write their commentary.</p>
      <TextInput
        key={`m${key}`}
        id={IDS.month}
        name="month"
        label="Month"
        width="10"
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        hint="The month the figures are for, as year and month, for example 2019-09"
        error={errors.month}
        defaultValue={values.month}
      />
      <TextInput
        key={`d${key}`}
        id={IDS.panelMeetingDate}
        name="panelMeetingDate"
        label="Panel meeting date"
        width="10"
        type="date"
        hint="When the scrutiny panel meets to discuss this month, after the month has ended"
        error={errors.panelMeetingDate}
        defaultValue={values.panelMeetingDate}
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
        Open period
      </button>
    </form>
  );
}
