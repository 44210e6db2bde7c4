"use client";
// The child population page's form: add a year's figure or change one (saving a year that has a
// figure replaces it). The error summary and the success banner sit at the top of the page; a
// refused save keeps what was typed.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { NotificationBanner } from "@/components/notification-banner";
import { saveChildPopulationAction } from "./actions";

type Props = {
  heading: ReactNode;
  /** The table of years, between the heading and the form. */
  children: ReactNode;
  /** A year chosen with "Change": the form starts with its figure. */
  initial: { year: string; count: string; source: string } | null;
  /** Said when the page opens after another step (a removal), until this form is used. */
  notice?: string | null;
};

export function PopulationEditor({ heading, children, initial, notice }: Props) {
  const [state, action, pending] = useActionState(saveChildPopulationAction, null);
  const failed = state && !state.ok ? state : null;
  const value = (field: "year" | "count" | "source") => failed?.values?.[field] ?? initial?.[field] ?? "";
  return (
    <>
      <ErrorSummary errors={failed?.fieldErrors ?? {}} message={failed?.message} />
      {state?.ok ? (
        <NotificationBanner heading={state.message ?? "Saved"} focusKey={state.at} />
      ) : !state && notice ? (
        <NotificationBanner heading={notice} />
      ) : null}
      {heading}
      {children}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <form action={action} noValidate key={state?.at ?? 0}>
            <h2 className="govuk-heading-m" id="population-form" tabIndex={-1}>
              {initial ? `Change the figure for ${initial.year}` : "Add or change a year\u2019s figure"}
            </h2>
            <TextInput
              id="year"
              label="Year"
              labelSize="s"
              width="4"
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
              defaultValue={value("year")}
              error={failed?.fieldErrors.year}
              hint="The year of the mid-year estimate, for example 2019. Saving a year that already has a figure replaces it."
            />
            <TextInput
              id="count"
              label="Number of children aged 0 to 17"
              labelSize="s"
              width="10"
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
              defaultValue={value("count")}
              error={failed?.fieldErrors.count}
              hint="For example 50,000"
            />
            <TextInput
              id="source"
              label="Source (optional)"
              labelSize="s"
              defaultValue={value("source")}
              error={failed?.fieldErrors.source}
              hint="For example ONS mid-2019 estimate"
            />
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
              Save figure
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
