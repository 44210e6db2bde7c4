"use client";
// A year of panel dates at once: typed one a line, or an .ics file from the committee system.
import { useActionState } from "react";
import { ErrorSummary, FieldError } from "@/components/form/error-summary";
import { planMeetingsAction, type PlanState } from "./actions";

const IDS: Record<string, string> = { dates: "plan-dates", file: "plan-file" };

export function PlanMeetingsForm() {
  const [state, formAction, pending] = useActionState<PlanState, FormData>(planMeetingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok && !Object.keys(errors).length ? state.message : undefined;
  return (
    <form action={formAction} noValidate encType="multipart/form-data">
      <ErrorSummary errors={errors} message={message} idFor={(f) => IDS[f] ?? IDS.dates} />
      <div className={`govuk-form-group${errors.dates ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={IDS.dates}>Panel dates, one a line</label>
        <div id={`${IDS.dates}-hint`} className="govuk-hint">Like 26/09/2019 or 2019-09-26. Each panel reports on the month before it; to say otherwise, put the month first: 2019-08 26/09/2019</div>
        <FieldError id={IDS.dates} error={errors.dates} />
        <textarea key={state?.at ?? 0} className={`govuk-textarea${errors.dates ? " govuk-textarea--error" : ""}`} id={IDS.dates} name="dates" rows={8} defaultValue={state?.values?.dates ?? ""}
          aria-describedby={`${IDS.dates}-hint${errors.dates ? ` ${IDS.dates}-error` : ""}`} />
      </div>
      <div className={`govuk-form-group${errors.file ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={IDS.file}>Or an iCalendar (.ics) file from the committee system</label>
        <div id={`${IDS.file}-hint`} className="govuk-hint">Each event in it is a panel meeting. A file is used instead of the dates above.</div>
        <FieldError id={IDS.file} error={errors.file} />
        <input className={`govuk-file-upload${errors.file ? " govuk-file-upload--error" : ""}`} id={IDS.file} name="file" type="file" accept=".ics,text/calendar"
          aria-describedby={`${IDS.file}-hint${errors.file ? ` ${IDS.file}-error` : ""}`} />
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>Save panel dates</button>
    </form>
  );
}
