"use client";
// This month's figure for one indicator: a small form per row, so each save is its own request and
// its own compare-and-set. The revision the editor saw is kept while they type; a conflicting save
// keeps their figure in the box and shows what is stored now, so they can compare and save again.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { Unit } from "@/lib/generated/prisma/enums";
import { Checkbox } from "@/components/form/checkboxes";
import { CompactInput } from "@/components/form/compact-input";
import { describeRule } from "@/lib/values/validate-value";
import { saveValueAction, type SaveValueState } from "./actions";
import { useReportGridError } from "./grid-errors";

export type StoredCell = { text: string; notAvailable: boolean; reason: string; revision: number };

type Props = { month: string; indicatorId: string; code: string; name: string; unit: Unit; decimals: number; stored: StoredCell };

export function ValueCellForm({ month, indicatorId, code, name, unit, decimals, stored }: Props) {
  const [state, formAction, pending] = useActionState<SaveValueState, FormData>(saveValueAction, null);
  const [text, setText] = useState(stored.text);
  const [notAvailable, setNotAvailable] = useState(stored.notAvailable);
  const [reason, setReason] = useState(stored.reason);
  const [seenRevision, setSeenRevision] = useState(stored.revision);
  const [dirty, setDirty] = useState(false);
  const [syncedRevision, setSyncedRevision] = useState(stored.revision);
  const [handled, setHandled] = useState<SaveValueState>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const report = useReportGridError();

  const ids = { value: `value-${code}`, notAvailable: `not-available-${code}`, reason: `reason-${code}` };

  // A newer figure arrived from the server (our save, or the page refreshed): show it unless the
  // user is part-way through typing, in which case we keep their text and the revision they saw.
  if (stored.revision !== syncedRevision) {
    setSyncedRevision(stored.revision);
    if (!dirty) {
      setText(stored.text);
      setNotAvailable(stored.notAvailable);
      setReason(stored.reason);
      setSeenRevision(stored.revision);
    }
  }
  if (state !== handled) {
    setHandled(state);
    if (state?.ok) {
      setDirty(false);
      setSeenRevision(state.data.revision);
    } else if (state?.conflict) {
      setSeenRevision(state.conflict.revision);
    }
  }

  const errors = state && !state.ok ? routeErrors(state, name) : {};
  const valueError = errors.value;
  const reasonError = errors.notAvailableReason;

  useEffect(() => {
    report(ids.value, valueError ?? null);
    report(ids.reason, reasonError ?? null);
    if (reasonError) reasonRef.current?.focus();
    else if (valueError) valueRef.current?.focus();
  }, [report, ids.value, ids.reason, valueError, reasonError, state]);

  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  // The Save button is aria-disabled, never disabled, while the save runs: a disabled button drops
  // keyboard focus to the page's body. A second press meanwhile is ignored here.
  // Submitting through a transition, not the form's own action, stops React 19 resetting the form
  // after the save (it would untick "Not available" and lose typed text). Without JavaScript the
  // form still posts to the same server action.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="app-value-form">
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="expectedRevision" value={seenRevision} />
      <CompactInput
        id={ids.value}
        name="value"
        label={<>This month value for {name}</>}
        labelHidden
        groupClassName="app-value-form__group"
        hint={`Enter ${describeRule({ unit, decimals })}`}
        hintHidden
        error={valueError}
        errorDetail={state && !state.ok && state.conflict ? <span className="app-conflict-now"> {state.conflict.description}.</span> : null}
        inputRef={valueRef}
        inputClassName="app-value-input"
        inputMode={unit === "COUNT" ? "numeric" : "decimal"}
        autoComplete="off"
        spellCheck={false}
        value={notAvailable ? "" : text}
        disabled={notAvailable}
        onChange={change(setText)}
        afterClassName="app-value-form__row"
        after={
          <button
            type="submit"
            className="govuk-button govuk-button--secondary app-value-form__save"
            data-module="govuk-button"
            aria-disabled={pending}
          >
            Save<span className="govuk-visually-hidden"> {name}</span>
          </button>
        }
      />
      <Checkbox
        id={ids.notAvailable}
        name="notAvailable"
        inline
        className="app-value-form__na"
        checked={notAvailable}
        onChange={change(setNotAvailable)}
        label={
          <>
            Not available<span className="govuk-visually-hidden"> for {name}</span>
          </>
        }
      />
      {notAvailable ? (
        <CompactInput
          id={ids.reason}
          name="notAvailableReason"
          labelSize="s"
          labelClassName="app-value-form__reason-label"
          groupClassName="app-value-form__group"
          label={
            <>
              Reason<span className="govuk-visually-hidden"> the figure for {name} is not available</span>
            </>
          }
          error={reasonError}
          inputRef={reasonRef}
          maxLength={600}
          value={reason}
          onChange={change(setReason)}
        />
      ) : null}
      <p className="govuk-body-s app-value-form__status">
        <span role="status">{pending ? "Saving…" : state?.ok && !dirty ? state.message : ""}</span>
        {!pending && dirty ? <span className="app-value-form__unsaved">Not saved yet</span> : null}
      </p>
    </form>
  );
}

/** Puts each server error on the field it is about, naming the indicator when the server did not. */
function routeErrors(
  state: Extract<NonNullable<SaveValueState>, { ok: false }>,
  name: string,
): { value?: string; notAvailableReason?: string } {
  const named = (m: string) => (m.includes(name) ? m : `${name}: ${m}`);
  const { value, notAvailableReason, ...rest } = state.fieldErrors;
  const other = Object.values(rest)[0];
  const out: { value?: string; notAvailableReason?: string } = {};
  if (notAvailableReason) out.notAvailableReason = named(notAvailableReason);
  const valueMessage = value ?? other ?? (notAvailableReason ? undefined : state.message);
  if (valueMessage) out.value = named(valueMessage);
  return out;
}
