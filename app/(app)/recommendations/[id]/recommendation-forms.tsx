"use client";
// The director's forms on a recommendation: the executive's response (with the actions it agreed),
// a progress update, implemented, closed. Plain forms, each naming the version it read; a refusal
// (a conflict too) keeps what was typed. Ids carry the step, as one page holds several forms.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios } from "@/components/form/radios";
import { Textarea } from "@/components/form/textarea";
import { TextInput } from "@/components/form/text-input";
import { DateInput } from "@/components/form/date-input";
import { recommendationStepAction } from "./actions";

type Step = "respond" | "update" | "implement" | "close";
type Where = { id: string; version: number };

const ACTION_ROWS = [1, 2, 3];

function useStep() {
  const [state, action, pending] = useActionState(recommendationStepAction, null);
  const failed = state && !state.ok ? state : null;
  return { action, pending, at: state?.at ?? 0, failed, errors: failed?.fieldErrors ?? {}, values: failed?.values ?? {} };
}

function Hidden({ id, version, step }: Where & { step: Step }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="action" value={step} />
    </>
  );
}

function Submit({ pending, children, warning }: { pending: boolean; children: ReactNode; warning?: boolean }) {
  return (
    <button
      type="submit"
      className={`govuk-button${warning ? " govuk-button--warning" : ""}`}
      data-module="govuk-button"
      disabled={pending}
      aria-disabled={pending}
    >
      {children}
    </button>
  );
}

export function RespondForm({ id, version }: Where) {
  const { action, pending, at, failed, errors, values } = useStep();
  // The error summary links to each field; a date's first box is "{id}-day".
  const idFor = (f: string) =>
    f === "text" ? "respond-text" : /^action-\d+-due$/.test(f) ? `${f}-day` : f === "actions" ? "action-1-description" : f;
  return (
    <form action={action} noValidate key={at} aria-labelledby="respond-heading">
      <h2 className="govuk-heading-l" id="respond-heading">
        Record the executive&rsquo;s response
      </h2>
      <ErrorSummary errors={errors} message={failed?.message} idFor={idFor} />
      <Hidden id={id} version={version} step="respond" />
      <Radios
        id="decision"
        legend="Did the executive accept the recommendation?"
        legendSize="m"
        error={errors.decision}
        defaultValue={values.decision}
        options={[
          { value: "ACCEPTED", label: "Accepted" },
          { value: "PARTLY_ACCEPTED", label: "Partly accepted" },
          { value: "NOT_ACCEPTED", label: "Not accepted" },
        ]}
      />
      <Textarea
        id="respond-text"
        name="text"
        label="The executive's reasons"
        labelSize="m"
        hint="As the executive gave them: why it accepted the recommendation, or did not"
        rows={5}
        defaultValue={values.text ?? ""}
        error={errors.text}
      />
      <fieldset className="govuk-fieldset" aria-describedby={`actions-hint${errors.actions ? " actions-error" : ""}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Actions the executive agreed</legend>
        <div id="actions-hint" className="govuk-hint">
          At least one if it accepted or partly accepted the recommendation, each with who owns it and when it is due. Leave the rows you do
          not need empty.
        </div>
        {errors.actions ? (
          <p id="actions-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errors.actions}
          </p>
        ) : null}
        {ACTION_ROWS.map((n) => {
          const due = `action-${n}-due`;
          return (
            <div key={n}>
              <h3 className="govuk-heading-s">Action {n}</h3>
              <Textarea
                id={`action-${n}-description`}
                label={`What will be done (action ${n})`}
                rows={2}
                defaultValue={values[`action-${n}-description`] ?? ""}
                error={errors[`action-${n}-description`]}
              />
              <TextInput
                id={`action-${n}-owner`}
                label={`Who owns it (action ${n})`}
                hint="A person or a role, like Head of Safeguarding"
                width="two-thirds"
                autoComplete="off"
                defaultValue={values[`action-${n}-owner`] ?? ""}
                error={errors[`action-${n}-owner`]}
              />
              <DateInput
                id={due}
                legend={`Due date (action ${n})`}
                hint="For example, 31 10 2019"
                parts={["day", "month", "year"]}
                defaults={{ day: values[`${due}-day`], month: values[`${due}-month`], year: values[`${due}-year`] }}
                error={errors[due]}
              />
            </div>
          );
        })}
      </fieldset>
      <Submit pending={pending}>Record response</Submit>
    </form>
  );
}

const TEXT_STEP: Record<Exclude<Step, "respond">, { heading: string; label: string; hint?: string; button: string; warning?: boolean }> = {
  update: {
    heading: "Add a progress update",
    label: "Progress made",
    hint: "What has happened since the response or the last update",
    button: "Add update",
  },
  implement: { heading: "Mark as implemented", label: "What was done", button: "Mark as implemented" },
  close: {
    heading: "Close the recommendation",
    label: "Why is it being closed?",
    hint: "For example, the panel agreed no further progress is needed",
    button: "Close recommendation",
    warning: true,
  },
};

/** A progress update, implemented, or closed: one text box and a button, inside details so the page stays short. */
export function TextStepForm({ id, version, step, open }: Where & { step: Exclude<Step, "respond">; open?: boolean }) {
  const { action, pending, at, failed, errors, values } = useStep();
  const words = TEXT_STEP[step];
  const fid = `${step}-text`;
  return (
    <details className="govuk-details" open={open || Boolean(failed)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{words.heading}</span>
      </summary>
      <div className="govuk-details__text">
        <form action={action} noValidate key={at}>
          <ErrorSummary errors={errors} message={failed?.message} idFor={(f) => (f === "text" ? fid : f)} />
          <Hidden id={id} version={version} step={step} />
          <Textarea
            id={fid}
            name="text"
            label={words.label}
            labelSize="s"
            hint={words.hint}
            rows={4}
            defaultValue={values.text ?? ""}
            error={errors.text}
          />
          <Submit pending={pending} warning={words.warning}>
            {words.button}
          </Submit>
        </form>
      </div>
    </details>
  );
}
