"use client";
// The commentary editor (owners), the review form (director) and the reopen form. Text typed here
// stays in the box whatever the server answers, so a conflict or an expired session loses nothing.
import { useActionState, useEffect, useRef, useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { CommentaryMarkdown } from "@/components/commentary-markdown";
import { CharacterCount } from "@/components/form/character-count";
import { MAX_COMMENTARY_LENGTH, MAX_REVIEW_COMMENT_LENGTH, commentaryTooLong } from "@/lib/commentary/workflow";
import { autosaveAction, commentaryAction } from "./actions";
import { Textarea } from "@/components/form/textarea";
import { WarningText } from "@/components/warning-text";

const AUTOSAVE_MS = 30_000;

type Where = { month: string; slug: string; version: number };

/** The server's rule, in its words. */
const tooLong = (body: string) => commentaryTooLong(body.length);

function Hidden({ month, slug, version }: Where) {
  return (
    <>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
}

function CommentaryTextarea({
  label,
  hint,
  value,
  onChange,
  error,
  textareaRef,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
}) {
  return (
    <CharacterCount
      id="body"
      label={label}
      labelSize="m"
      hint={hint}
      error={error}
      maxLength={MAX_COMMENTARY_LENGTH}
      rows={14}
      value={value}
      onChange={onChange}
      textareaRef={textareaRef}
    />
  );
}

export function CommentaryEditor({
  month,
  slug,
  version,
  initialBody,
  figuresSummary,
  canSubmit,
  withoutAction,
}: Where & { initialBody: string; figuresSummary: string; canSubmit: boolean; withoutAction: { code: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(commentaryAction, null);
  const [body, setBody] = useState(initialBody);
  const [currentVersion, setCurrentVersion] = useState(version);
  const [autosaveStatus, setAutosaveStatus] = useState("");
  // Said once per insertion: a non-breaking space alternates so the same words are announced again.
  const [inserted, setInserted] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ body, version: currentVersion, saved: initialBody, pending });
  // The timer below reads what was last rendered; a ref is written after rendering, never during it.
  useEffect(() => {
    latest.current = { ...latest.current, body, version: currentVersion, pending };
  });

  // One timer for the life of the editor: it saves only when the text changed since the last save.
  useEffect(() => {
    const save = async () => {
      const l = latest.current;
      if (l.pending || l.body === l.saved) return;
      if (l.body.length > MAX_COMMENTARY_LENGTH) return setAutosaveStatus(`Not saved automatically: ${tooLong(l.body)}`);
      const sent = l.body;
      const r = await autosaveAction({ month, slug, expectedVersion: l.version, body: sent });
      if (r.ok) {
        latest.current.saved = sent;
        setCurrentVersion(r.data.version);
        setAutosaveStatus(
          `Draft saved automatically at ${new Date(r.data.savedAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`,
        );
      } else {
        setAutosaveStatus(`Not saved automatically: ${r.message}`);
      }
    };
    const timer = setInterval(() => void save(), AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [month, slug]);

  // Over the length rule, the text is not sent (past 1 MB the server could only answer 413): the form says why.
  const [lengthError, setLengthError] = useState<string | null>(null);
  const errors = lengthError ? { body: lengthError } : state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      action={formAction}
      noValidate
      onSubmit={(e) => {
        const error = body.length > MAX_COMMENTARY_LENGTH ? tooLong(body) : null;
        setLengthError(error);
        if (error) e.preventDefault();
      }}
    >
      <ErrorSummary errors={errors} message={lengthError ? "There is a problem" : state && !state.ok ? state.message : undefined} />
      <Hidden month={month} slug={slug} version={currentVersion} />
      <CommentaryTextarea
        label="Commentary text"
        value={body}
        onChange={setBody}
        error={errors.body}
        textareaRef={textarea}
        hint="Write for councillors. You can use **bold**, *italic*, bullet lists (start lines with -), numbered lists (1.) and links."
      />
      <p className="govuk-body">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setBody((b) => (b.trim() ? `${b.trimEnd()}\n\n${figuresSummary}` : figuresSummary));
            setInserted((m) => (m === FIGURES_ADDED ? `${FIGURES_ADDED}\u00a0` : FIGURES_ADDED));
            textarea.current?.focus();
          }}
        >
          Insert figures summary
        </button>
      </p>
      <p className="govuk-body-s" aria-live="polite" role="status" id="figures-summary-status">
        {inserted}
      </p>
      <p className="govuk-body-s" aria-live="polite" role="status">
        {autosaveStatus}
      </p>
      {canSubmit && withoutAction.length > 0 ? <MissingActionsWarning exceptions={withoutAction} /> : null}
      <div className="govuk-button-group">
        <button type="submit" name="intent" value="save" className="govuk-button govuk-button--secondary" disabled={pending}>
          Save draft
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className="govuk-button" disabled={pending}>
            Submit for review
          </button>
        ) : null}
      </div>
      <h2 className="govuk-heading-m">Preview</h2>
      <div className="app-preview">
        {body.trim() ? <CommentaryMarkdown body={body} /> : <p className="govuk-body govuk-hint">Nothing written yet.</p>}
      </div>
    </form>
  );
}

const FIGURES_ADDED = "Figures summary added to the commentary";

/** The submit step's reminder: what the page asked for and is missing. It warns; submitting still works. */
function MissingActionsWarning({ exceptions }: { exceptions: { code: string; name: string }[] }) {
  const one = exceptions.length === 1;
  return (
    <WarningText id="missing-actions" block>
      {one ? "This exception has" : `These ${exceptions.length} exceptions have`} no open action:
      <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-2">
        {exceptions.map((e) => (
          <li key={e.code}>
            <a className="govuk-link" href={`#exception-${e.code}`}>
              {e.name}
            </a>
          </li>
        ))}
      </ul>
      You can still submit: the director will see that no action is recorded.
    </WarningText>
  );
}

/** The lead's way back: take a submission back to draft until the director approves or returns it. */
export function WithdrawForm({ month, slug, version }: Where) {
  const [state, formAction, pending] = useActionState(commentaryAction, null);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={{}} message={state && !state.ok ? state.message : undefined} />
      <Hidden month={month} slug={slug} version={version} />
      <button type="submit" name="intent" value="withdraw" className="govuk-button govuk-button--secondary" disabled={pending}>
        Withdraw submission
      </button>
    </form>
  );
}

export function ReviewForm({ month, slug, version, initialBody }: Where & { initialBody: string }) {
  const [state, formAction, pending] = useActionState(commentaryAction, null);
  const [body, setBody] = useState(initialBody);
  const [comment, setComment] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={state && !state.ok ? state.message : undefined} />
      <Hidden month={month} slug={slug} version={version} />
      <CommentaryTextarea
        label="Commentary text"
        hint="You can make small edits before you approve: they are recorded as your revision."
        value={body}
        onChange={setBody}
        error={errors.body}
      />
      <CharacterCount
        id="comment"
        label="Comment for the service lead"
        labelSize="m"
        hint="Needed when you return the commentary: say what to change."
        error={errors.comment}
        maxLength={MAX_REVIEW_COMMENT_LENGTH}
        rows={4}
        value={comment}
        onChange={setComment}
      />
      <div className="govuk-button-group">
        <button type="submit" name="intent" value="approve" className="govuk-button" disabled={pending}>
          Approve
        </button>
        <button type="submit" name="intent" value="return" className="govuk-button govuk-button--warning" disabled={pending}>
          Return for changes
        </button>
      </div>
    </form>
  );
}

export function ReopenForm({ month, slug, version }: Where) {
  const [state, formAction, pending] = useActionState(commentaryAction, null);
  const [comment, setComment] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={state && !state.ok ? state.message : undefined} />
      <Hidden month={month} slug={slug} version={version} />
      <Textarea
        id="comment"
        labelSize="s"
        label="Reason for reopening"
        error={errors.comment}
        rows={3}
        value={comment}
        onChange={setComment}
      />
      <button type="submit" name="intent" value="reopen" className="govuk-button govuk-button--secondary" disabled={pending}>
        Reopen
      </button>
    </form>
  );
}
