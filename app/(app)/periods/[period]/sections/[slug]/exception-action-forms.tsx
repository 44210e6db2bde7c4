"use client";
// Recording an action on an exception, and closing or reopening one. Each form shows a GOV.UK
// error summary linked to its own fields (ids carry the indicator code or action id, as a page
// holds several of these forms).
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { Textarea } from "@/components/form/textarea";
import { DateInput, dateInputErrorId, type DatePart } from "@/components/form/date-input";
import { changeActionAction, recordActionAction } from "./exception-actions";

type Where = { month: string; slug: string };

const DATE: readonly DatePart[] = ["day", "month", "year"];

function Hidden({ month, slug }: Where) {
  return (
    <>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="slug" value={slug} />
    </>
  );
}

export function RecordActionForm({ month, slug, code, name }: Where & { code: string; name: string }) {
  const [state, formAction, pending] = useActionState(recordActionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const typed = state && !state.ok ? state.values : undefined;
  const due = Object.fromEntries(DATE.map((p) => [p, typed?.[`dueDate-${p}`] ?? ""]));
  const id = (f: string) => (f === "dueDate" ? dateInputErrorId(`action-${code}-dueDate`, due, DATE) : `action-${code}-${f}`);
  return (
    <details className="govuk-details" open={Boolean(state && !state.ok)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record an action on {name}</span>
      </summary>
      <div className="govuk-details__text">
        <form action={formAction} noValidate>
          <ErrorSummary errors={errors} message={state && !state.ok ? state.message : undefined} idFor={id} />
          <Hidden month={month} slug={slug} />
          <input type="hidden" name="code" value={code} />
          {/* Remounted after each answer, so a refused form shows again what was typed. */}
          <div key={state?.at ?? 0}>
            <Textarea
              id={id("description")}
              name="description"
              label="What will be done"
              rows={3}
              error={errors.description}
              defaultValue={typed?.description}
            />
            <TextInput
              id={id("ownerName")}
              name="ownerName"
              label="Who owns it"
              width="two-thirds"
              autoComplete="off"
              error={errors.ownerName}
              defaultValue={typed?.ownerName}
              hint={<>A person or a role, like &ldquo;Head of Safeguarding&rdquo;</>}
            />
            <DateInput
              id={id("dueDate")}
              name="dueDate"
              legend="Due date"
              legendSize="s"
              parts={DATE}
              error={errors.dueDate}
              defaults={due}
              hint="For example, 31 10 2019"
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
            Record action
          </button>
        </form>
      </div>
    </details>
  );
}

export function ChangeActionForms({
  month,
  slug,
  id,
  version,
  status,
  description,
}: Where & { id: string; version: number; status: "OPEN" | "DONE" | "DROPPED"; description: string }) {
  const [state, formAction, pending] = useActionState(changeActionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const fid = (f: string) => `change-${id}-${f}`;
  const hidden = (
    <>
      <Hidden month={month} slug={slug} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
  const short = description.length > 40 ? `${description.slice(0, 40)}…` : description;
  return (
    <div className="app-action-changes">
      <ErrorSummary errors={errors} message={state && !state.ok ? state.message : undefined} idFor={fid} />
      {status === "OPEN" ? (
        <>
          <form action={formAction} className="govuk-!-display-inline-block govuk-!-margin-right-2">
            {hidden}
            <input type="hidden" name="change" value="complete" />
            <button
              type="submit"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
              data-module="govuk-button"
              disabled={pending}
            >
              Mark as done<span className="govuk-visually-hidden">: {short}</span>
            </button>
          </form>
          <details className="govuk-details govuk-!-margin-bottom-2" open={Boolean(errors.droppedReason)}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Drop this action<span className="govuk-visually-hidden">: {short}</span>
              </span>
            </summary>
            <div className="govuk-details__text">
              <form action={formAction}>
                {hidden}
                <input type="hidden" name="change" value="drop" />
                <Textarea id={fid("droppedReason")} name="droppedReason" label="Why is it dropped?" rows={2} error={errors.droppedReason} />
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
                  Drop action
                </button>
              </form>
            </div>
          </details>
        </>
      ) : (
        <form action={formAction}>
          {hidden}
          <input type="hidden" name="change" value="reopen" />
          <button
            type="submit"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
            data-module="govuk-button"
            disabled={pending}
          >
            Reopen<span className="govuk-visually-hidden">: {short}</span>
          </button>
        </form>
      )}
    </div>
  );
}
