"use client";
// The director's forms for the pack: the confirm button of the sign-off and publication check pages,
// and starting an amendment (its reason is the check).
import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Textarea } from "@/components/form/textarea";
import { packAction } from "./pack-actions";

type Props = { month: string; version: number };

function Hidden({ month, version, intent }: Props & { intent: string }) {
  return (
    <>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="expectedPeriodVersion" value={version} />
      <input type="hidden" name="intent" value={intent} />
    </>
  );
}

/**
 * The confirm button at the foot of a check page (sign-off/, publish/). It posts the period's version
 * as the page read it, so if anything moved the pack on since, the step is refused as a conflict
 * rather than taken on a pack the director did not check.
 */
export function ConfirmStepForm(props: Props & { intent: "signOff" | "publish"; label: string; pendingLabel: string }) {
  const [state, action, pending] = useActionState(packAction, null);
  return (
    <form action={action}>
      <ErrorSummary errors={state && !state.ok ? state.fieldErrors : {}} message={state && !state.ok ? state.message : undefined} />
      <Hidden month={props.month} version={props.version} intent={props.intent} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          {pending ? props.pendingLabel : props.label}
        </button>
        <a className="govuk-link" href={`/periods/${props.month}`}>
          Cancel
        </a>
      </div>
    </form>
  );
}

export function AmendmentForm(props: Props) {
  const [state, action, pending] = useActionState(packAction, null);
  const [reason, setReason] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state && !state.ok ? state.message : undefined} />
      <Hidden {...props} intent="amend" />
      <Textarea
        id="reason"
        labelSize="s"
        label="Reason for the amendment"
        rows={3}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        hint="Printed in the pack's amendment log. The published version stays readable, marked as superseded."
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
        Start amendment
      </button>
    </form>
  );
}
