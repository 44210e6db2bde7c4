"use client";
// The council's DfE number, and one indicator's link to a DfE measure: each a small form that shows
// a GOV.UK error summary naming the field, and a confirmation when saved.
import { useActionState } from "react";
import { ErrorSummary, FieldError } from "@/components/form/error-summary";
import { linkMeasureAction, setLaNumberAction, type NationalActionState } from "./actions";

export function LaNumberForm({ laNumber, borrowed }: { laNumber: string | null; borrowed: boolean }) {
  const [state, action, pending] = useActionState<NationalActionState, FormData>(setLaNumberAction, null);
  const error = state && !state.ok ? state.fieldErrors.laNumber ?? state.message : undefined;
  return (
    <form action={action} noValidate>
      {state && !state.ok ? <ErrorSummary errors={state.fieldErrors} message={state.fieldErrors.laNumber ? undefined : state.message} idFor={() => "la-number"} /> : null}
      {state?.ok ? <p className="govuk-body" role="status">{state.message}</p> : null}
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="la-number">The council&rsquo;s DfE local authority number</label>
        <div className="govuk-hint" id="la-number-hint">Three digits, as DfE numbers authorities: 373 is Sheffield. It picks the region and the ten statistical neighbours.</div>
        <FieldError id="la-number" error={error} />
        <input className={`govuk-input govuk-input--width-4${error ? " govuk-input--error" : ""}`} id="la-number" name="laNumber" inputMode="numeric" defaultValue={laNumber ?? ""} aria-describedby={`la-number-hint${error ? " la-number-error" : ""}`} />
      </div>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="borrowed" name="borrowed" type="checkbox" value="yes" defaultChecked={borrowed} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="borrowed">This council is not that authority (a demonstration): use its region and neighbours only, never its figures as ours</label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={pending}>Save the number</button>
    </form>
  );
}

export function LinkForm({ indicatorId, code, current, options }: { indicatorId: string; code: string; current: string | null; options: { code: string; label: string }[] }) {
  const [state, action, pending] = useActionState<NationalActionState, FormData>(linkMeasureAction, null);
  const id = `measure-${code}`;
  const error = state && !state.ok ? state.fieldErrors.measureCode ?? state.message : undefined;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <div className={`govuk-form-group govuk-!-margin-bottom-2${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-visually-hidden" htmlFor={id}>DfE measure for {code}</label>
        <FieldError id={id} error={error} />
        <select className={`govuk-select${error ? " govuk-select--error" : ""}`} id={id} name="measureCode" defaultValue={current ?? ""} aria-describedby={error ? `${id}-error` : undefined}>
          <option value="">Not linked</option>
          {options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={pending}>Save<span className="govuk-visually-hidden"> the link for {code}</span></button>
      {state?.ok ? <p className="govuk-body-s govuk-!-margin-top-1" role="status">{state.message}</p> : null}
    </form>
  );
}
