"use client";
// The answer form (a section's leads; the director on a question about the whole pack) and the
// review form (the director, once an answer is sent for approval). Both post the version the page
// was built from; a refused step (a conflict, an expired session) keeps the typed text in the box.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { CharacterCount } from "@/components/form/character-count";
import { MAX_ANSWER_LENGTH, MAX_RETURN_COMMENT_LENGTH } from "@/lib/questions/question-workflow";
import { questionStepAction } from "./actions";

type Where = { id: string; month: string; version: number };

function Hidden({ id, month, version }: Where) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
}

/** `approveDirectly`: the director answering a pack-wide question approves the answer as they send it. */
export function AnswerForm({ initialAnswer, approveDirectly, ...where }: Where & { initialAnswer: string; approveDirectly: boolean }) {
  const [state, action, pending] = useActionState(questionStepAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} />
      <form action={action} noValidate key={state?.at ?? 0}>
        <Hidden {...where} />
        <CharacterCount
          id="answer"
          label="Answer"
          labelSize="m"
          hint={
            approveDirectly
              ? "Write for the panel member and for everyone who reads the pack. When you approve it, the answer is added to the pack and sent to the member."
              : "Write for the panel member and for everyone who reads the pack. The director approves the answer before it is added to the pack."
          }
          error={errors.answer}
          maxLength={MAX_ANSWER_LENGTH}
          rows={10}
          defaultValue={failed?.values?.answer ?? initialAnswer}
        />
        <div className="govuk-button-group">
          {approveDirectly ? (
            <button type="submit" name="intent" value="answer" className="govuk-button" data-module="govuk-button" disabled={pending}>
              Approve answer
            </button>
          ) : (
            <button type="submit" name="intent" value="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
              Send for approval
            </button>
          )}
          <button
            type="submit"
            name="intent"
            value="save"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled={pending}
          >
            Save draft
          </button>
        </div>
      </form>
    </>
  );
}

export function ReviewAnswerForm({ answeredBy, ...where }: Where & { answeredBy: string }) {
  const [state, action, pending] = useActionState(questionStepAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} />
      <form action={action} noValidate key={state?.at ?? 0}>
        <Hidden {...where} />
        <CharacterCount
          id="comment"
          label={`Comment for ${answeredBy}`}
          labelSize="m"
          hint="Needed when you return the answer: say what needs to change. Not shown to the panel."
          error={errors.comment}
          maxLength={MAX_RETURN_COMMENT_LENGTH}
          rows={4}
          defaultValue={failed?.values?.comment ?? ""}
        />
        <div className="govuk-button-group">
          <button type="submit" name="intent" value="approve" className="govuk-button" data-module="govuk-button" disabled={pending}>
            Approve answer
          </button>
          <button
            type="submit"
            name="intent"
            value="return"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            disabled={pending}
          >
            Return with a comment
          </button>
        </div>
      </form>
    </>
  );
}
