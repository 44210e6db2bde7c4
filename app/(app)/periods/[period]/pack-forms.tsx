"use client";
// The director's buttons for the pack: sign off, publish, start an amendment.
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

export function SignOffForm(props: Props) {
  const [state, action, pending] = useActionState(packAction, null);
  return (
    <form action={action}>
      <ErrorSummary errors={state && !state.ok ? state.fieldErrors : {}} message={state && !state.ok ? state.message : undefined} />
      <Hidden {...props} intent="signOff" />
      <p className="govuk-body">
        Signing off freezes the figures, targets, ratings, comparators and commentary exactly as they are now. After that, a change needs a
        formal amendment.
      </p>
      <button type="submit" className="govuk-button" disabled={pending}>
        {pending ? "Signing off..." : "Sign off pack"}
      </button>
    </form>
  );
}

export function PublishForm(props: Props) {
  const [state, action, pending] = useActionState(packAction, null);
  return (
    <form action={action}>
      <ErrorSummary errors={state && !state.ok ? state.fieldErrors : {}} message={state && !state.ok ? state.message : undefined} />
      <Hidden {...props} intent="publish" />
      <p className="govuk-body">Publishing makes this version visible to the scrutiny panel.</p>
      <button type="submit" className="govuk-button" disabled={pending}>
        Publish pack
      </button>
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
