"use client";
// A year of panel dates at once: typed one a line, or an .ics file from the committee system.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { FileUpload } from "@/components/form/file-upload";
import { Textarea } from "@/components/form/textarea";
import { planMeetingsAction, type PlanState } from "./actions";

const IDS: Record<string, string> = { dates: "plan-dates", file: "plan-file" };

export function PlanMeetingsForm() {
  const [state, formAction, pending] = useActionState<PlanState, FormData>(planMeetingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok && !Object.keys(errors).length ? state.message : undefined;
  return (
    <form action={formAction} noValidate encType="multipart/form-data">
      <ErrorSummary errors={errors} message={message} idFor={(f) => IDS[f] ?? IDS.dates} />
      <Textarea
        key={state?.at ?? 0}
        id={IDS.dates}
        name="dates"
        labelSize="s"
        label="Panel dates, one a line"
        rows={8}
        defaultValue={state?.values?.dates ?? ""}
        error={errors.dates}
        hint="Like 26/09/2019 or 2019-09-26. Each panel reports on the month before it; to say otherwise, put the month first: 2019-08 26/09/2019"
      />
      <FileUpload
        id={IDS.file}
        name="file"
        labelSize="s"
        label="Or an iCalendar (.ics) file from the committee system"
        accept=".ics,text/calendar"
        error={errors.file}
        hint="Each event in it is a panel meeting. A file is used instead of the dates above."
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Save panel dates
      </button>
    </form>
  );
}
