"use client";
// Add or change a comparator. A refused save keeps what was typed.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { Textarea } from "@/components/form/textarea";
import type { ActionState } from "@/lib/define-action";

type Values = { label: string; periodLabel: string; value: string; source: string; notes: string };
type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  code: string;
  version: string;
  id?: string;
  saved: Values;
  suffix: string;
  submitLabel: string;
  heading: ReactNode;
};

const FIELDS: { f: keyof Values; label: string; hint?: string; width?: string; textarea?: boolean }[] = [
  { f: "label", label: "Comparator", hint: "Who the figure describes, for example England or Statistical neighbours", width: "20" },
  { f: "periodLabel", label: "Period", hint: "The period the figure describes, for example 2018-19 or 31 March 2019", width: "10" },
  { f: "value", label: "Value", width: "5" },
  { f: "source", label: "Source (optional)", hint: "The publication and table it comes from" },
  { f: "notes", label: "Notes (optional)", hint: "Revisions, derivations or caveats the panel should know", textarea: true },
];

export function ComparatorForm({ action, code, version, id, saved, suffix, submitLabel, heading }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (f: keyof Values) => failed?.values?.[f] ?? saved[f];
  return (
    <>
      <ErrorSummary
        errors={errors}
        message={failed?.message}
        idFor={(f) => (f === "expectedUpdatedAt" || f === "id" || f === "code" ? "label" : f)}
      />
      {heading}
      <form action={formAction} noValidate>
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="expectedUpdatedAt" value={version} />
        {id ? <input type="hidden" name="id" value={id} /> : null}
        <div key={state?.at ?? 0}>
          {FIELDS.map(({ f, label, hint, width, textarea }) =>
            textarea ? (
              <Textarea key={f} id={f} labelSize="s" label={label} hint={hint} error={errors[f]} rows={3} defaultValue={value(f)} />
            ) : (
              <TextInput
                key={f}
                id={f}
                labelSize="s"
                label={label}
                hint={hint}
                error={errors[f]}
                width={width ? String(width) : undefined}
                defaultValue={value(f)}
                {...(f === "value" ? { inputMode: "decimal" as const, spellCheck: false, suffix } : {})}
              />
            ),
          )}
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
