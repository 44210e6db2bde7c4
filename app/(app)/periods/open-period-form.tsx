"use client";
// The administrator's "Open a period" form: the month (month and year boxes) and the panel meeting
// date (day, month and year), GOV.UK date inputs with errors beside each.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { DateInput, dateInputErrorId, type DatePart } from "@/components/form/date-input";
import { dateToParts, type DateParts } from "@/lib/validation/date-parts";
import { openPeriodAction, type OpenPeriodState } from "./actions";

const MONTH: readonly DatePart[] = ["month", "year"];
const DATE: readonly DatePart[] = ["day", "month", "year"];

export function OpenPeriodForm({ suggestedMonth }: { suggestedMonth: string }) {
  const [state, formAction, pending] = useActionState<OpenPeriodState, FormData>(openPeriodAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const message = state && !state.ok ? state.message : undefined;
  const typed = state?.values;
  const boxes = (name: string, parts: readonly DatePart[]): DateParts =>
    Object.fromEntries(parts.map((p) => [p, typed?.[`${name}-${p}`] ?? ""]));
  const month = typed ? boxes("month", MONTH) : dateToParts(suggestedMonth);
  const meeting = typed ? boxes("panelMeetingDate", DATE) : {};
  const ids: Record<string, string> = {
    month: dateInputErrorId("open-month", month, MONTH),
    panelMeetingDate: dateInputErrorId("open-panel-meeting-date", meeting, DATE),
  };
  // Remount the fields with what was sent, so a refused form keeps what the administrator typed.
  const key = JSON.stringify(typed ?? null);
  return (
    <form action={formAction} noValidate className="app-open-period">
      <ErrorSummary errors={errors} message={Object.keys(errors).length ? undefined : message} idFor={(f) => ids[f] ?? ids.month} />
      <h2 className="govuk-heading-m">Open a period</h2>
      <p className="govuk-body">Opening a month lets service leads enter its figures and write their commentary.</p>
      <DateInput
        key={`m${key}`}
        id="open-month"
        name="month"
        legend="Month"
        legendSize="s"
        parts={MONTH}
        hint="The month the figures are for, for example 9 2019 for September 2019"
        error={errors.month}
        defaults={month}
      />
      <DateInput
        key={`d${key}`}
        id="open-panel-meeting-date"
        name="panelMeetingDate"
        legend="Panel meeting date"
        legendSize="s"
        parts={DATE}
        hint="When the scrutiny panel meets to discuss this month, after the month has ended. For example, 26 9 2019"
        error={errors.panelMeetingDate}
        defaults={meeting}
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
        Open period
      </button>
    </form>
  );
}
