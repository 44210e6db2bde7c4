"use client";
// The council's DfE number, and one indicator's link to a DfE measure: each a small form that shows
// a GOV.UK error summary naming the field, and a confirmation when saved.
import { useActionState } from "react";
import { Checkbox } from "@/components/form/checkboxes";
import { ErrorSummary } from "@/components/form/error-summary";
import { Select } from "@/components/form/select";
import { TextInput } from "@/components/form/text-input";
import { linkMeasureAction, setLaNumberAction, type NationalActionState } from "./actions";

export function LaNumberForm({ laNumber, borrowed }: { laNumber: string | null; borrowed: boolean }) {
  const [state, action, pending] = useActionState<NationalActionState, FormData>(setLaNumberAction, null);
  const error = state && !state.ok ? (state.fieldErrors.laNumber ?? state.message) : undefined;
  return (
    <form action={action} noValidate>
      {state && !state.ok ? (
        <ErrorSummary
          errors={state.fieldErrors}
          message={state.fieldErrors.laNumber ? undefined : state.message}
          idFor={() => "la-number"}
        />
      ) : null}
      {state?.ok ? (
        <p className="govuk-body" role="status">
          {state.message}
        </p>
      ) : null}
      <TextInput
        id="la-number"
        name="laNumber"
        labelSize="s"
        label={<>The council&rsquo;s DfE local authority number</>}
        width="4"
        inputMode="numeric"
        defaultValue={laNumber ?? ""}
        error={error}
        hint="Three digits, as DfE numbers authorities: 373 is Sheffield. It picks the region and the ten statistical neighbours."
      />
      <Checkbox
        id="borrowed"
        value="yes"
        defaultChecked={borrowed}
        label="This council is not that authority (a demonstration): use its region and neighbours only, never its figures as ours"
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={pending}>
        Save the number
      </button>
    </form>
  );
}

export function LinkForm({
  indicatorId,
  code,
  current,
  options,
}: {
  indicatorId: string;
  code: string;
  current: string | null;
  options: { code: string; label: string }[];
}) {
  const [state, action, pending] = useActionState<NationalActionState, FormData>(linkMeasureAction, null);
  const id = `measure-${code}`;
  const error = state && !state.ok ? (state.fieldErrors.measureCode ?? state.message) : undefined;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <Select
        id={id}
        name="measureCode"
        label={`DfE measure for ${code}`}
        labelHidden
        groupClassName="govuk-!-margin-bottom-2"
        error={error}
        defaultValue={current ?? ""}
        options={[{ value: "", label: "Not linked" }, ...options.map((o) => ({ value: o.code, label: o.label }))]}
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
        disabled={pending}
      >
        Save<span className="govuk-visually-hidden"> the link for {code}</span>
      </button>
      {state?.ok ? (
        <p className="govuk-body-s govuk-!-margin-top-1" role="status">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
