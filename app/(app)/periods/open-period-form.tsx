"use client";
// The administrator's "Open a period" form: month and panel meeting date, errors beside each field.
import { useActionState } from "react";
import { ErrorSummary, FieldError } from "@/components/error-summary";
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
      <div className={`govuk-form-group${errors.month ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={IDS.month}>Month</label>
        <div id={`${IDS.month}-hint`} className="govuk-hint">The month the figures are for, as year and month, for example 2019-09</div>
        <FieldError id={IDS.month} error={errors.month} />
        <input
          key={`m${key}`} className={`govuk-input govuk-input--width-10${errors.month ? " govuk-input--error" : ""}`} id={IDS.month} name="month"
          type="text" inputMode="numeric" spellCheck={false} autoComplete="off" defaultValue={values.month}
          aria-describedby={`${IDS.month}-hint${errors.month ? ` ${IDS.month}-error` : ""}`}
        />
      </div>
      <div className={`govuk-form-group${errors.panelMeetingDate ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={IDS.panelMeetingDate}>Panel meeting date</label>
        <div id={`${IDS.panelMeetingDate}-hint`} className="govuk-hint">When the scrutiny panel meets to discuss this month, after the month has ended</div>
        <FieldError id={IDS.panelMeetingDate} error={errors.panelMeetingDate} />
        <input
          key={`d${key}`} className={`govuk-input govuk-input--width-10${errors.panelMeetingDate ? " govuk-input--error" : ""}`} id={IDS.panelMeetingDate}
          name="panelMeetingDate" type="date" defaultValue={values.panelMeetingDate}
          aria-describedby={`${IDS.panelMeetingDate}-hint${errors.panelMeetingDate ? ` ${IDS.panelMeetingDate}-error` : ""}`}
        />
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
        Open period
      </button>
    </form>
  );
}
