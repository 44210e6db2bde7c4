"use client";
// The administrator's form for a recommendation the panel made: the meeting, its words, to whom it is
// addressed, and (optionally) the indicators and sections it concerns. A plain form: it works before
// the page's JavaScript loads. A refused save keeps what was typed and ticked.
import { useActionState } from "react";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { MAX_RECOMMENDATION_LENGTH } from "@/lib/recommendations/recommendation-workflow";
import { ErrorSummary } from "@/components/form/error-summary";
import { CharacterCount } from "@/components/form/character-count";
import { Radios } from "@/components/form/radios";
import { Checkboxes } from "@/components/form/checkboxes";
import { TextInput } from "@/components/form/text-input";
import { FieldError } from "@/components/form/error-summary";
import { recordRecommendationAction } from "./actions";

type Props = {
  meetings: { month: string; meetingDate: string }[];
  sections: { slug: string; name: string; indicators: { code: string; name: string }[] }[];
};

const list = (v: string | undefined) => (v ? v.split(",") : []);

export function RecordRecommendationForm({ meetings, sections }: Props) {
  const [state, action, pending] = useActionState(recordRecommendationAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const codes = list(values.indicatorCodes);
  const slugs = list(values.sectionSlugs);
  const withIndicators = sections.filter((s) => s.indicators.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} />
      <h1 className="govuk-heading-xl">Record a recommendation</h1>
      <p className="govuk-body">
        Record a recommendation the panel made at a meeting. The directors are told, and the executive&rsquo;s response is due two calendar
        months after the meeting.
      </p>
      <form action={action} noValidate key={state?.at ?? 0}>
        <Radios
          id="month"
          legend="Which meeting made it?"
          legendSize="m"
          hint="Meetings that have happened, newest first"
          error={errors.month}
          defaultValue={values.month ?? (meetings.length === 1 ? meetings[0].month : undefined)}
          options={meetings.map((m) => ({
            value: m.month,
            label: formatDate(m.meetingDate),
            hint: `The ${formatMonth(m.month)} pack`,
          }))}
        />
        <CharacterCount
          id="text"
          label="The recommendation"
          labelSize="m"
          hint="As the panel agreed it"
          maxLength={MAX_RECOMMENDATION_LENGTH}
          rows={6}
          defaultValue={values.text ?? ""}
          error={errors.text}
        />
        <TextInput
          id="addressedTo"
          label="Who is it addressed to?"
          labelSize="m"
          hint="For example, Cabinet Member for Children's Services"
          autoComplete="off"
          defaultValue={values.addressedTo ?? ""}
          error={errors.addressedTo}
        />
        {withIndicators.length ? (
          <div className={`govuk-form-group${errors.indicators ? " govuk-form-group--error" : ""}`}>
            <h2 className="govuk-heading-m">Indicators it concerns (optional)</h2>
            <FieldError id="indicators" error={errors.indicators} />
            <details className="govuk-details" id="indicators" open={codes.length > 0 || Boolean(errors.indicators)}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Choose indicators</span>
              </summary>
              <div className="govuk-details__text">
                {withIndicators.map((s) => (
                  <Checkboxes
                    key={s.slug}
                    id={`indicators-${s.slug}`}
                    name="indicatorCodes"
                    legend={s.name}
                    legendSize="s"
                    small
                    checked={codes}
                    options={s.indicators.map((i) => ({ value: i.code, label: i.name, hint: i.code }))}
                  />
                ))}
              </div>
            </details>
          </div>
        ) : null}
        {sections.length ? (
          <Checkboxes
            id="sections"
            name="sectionSlugs"
            legend="Sections it concerns (optional)"
            legendSize="m"
            small
            error={errors.sections}
            checked={slugs}
            options={sections.map((s) => ({ value: s.slug, label: s.name }))}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Record recommendation
        </button>
      </form>
    </>
  );
}
