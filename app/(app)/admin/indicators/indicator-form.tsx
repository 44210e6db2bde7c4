"use client";
// The add and change forms for an indicator. A refused save keeps what was typed; after a conflict,
// each field someone else changed says what is saved now, and saving again replaces it.
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextInput } from "@/components/form/text-input";
import { Textarea } from "@/components/form/textarea";
import { Select } from "@/components/form/select";
import { Radios } from "@/components/form/radios";
import { Checkboxes } from "@/components/form/checkboxes";
import { SuccessBanner } from "./success-banner";
import type { ActionState } from "@/lib/define-action";
import type { SectionOption } from "@/lib/catalogue/list-catalogue";
import {
  MEASURE_TYPES,
  POLARITIES,
  UNITS,
  measureTypeHint,
  measureTypeLabel,
  polarityLabel,
  unitLabel,
} from "@/lib/catalogue/indicator-labels";

export type IndicatorFormValues = {
  code: string;
  name: string;
  sectionId: string;
  definition: string;
  unit: string;
  polarity: string;
  measureType: string;
  decimals: string;
  order: string;
  timescale: string;
  timescaleBasis: string;
  dataSource: string;
  suppressSmallNumbers: boolean;
  active: boolean;
};
type TextField = Exclude<keyof IndicatorFormValues, "suppressSmallNumbers" | "active">;

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  sections: SectionOption[];
  saved: IndicatorFormValues;
  /** The indicator's updatedAt when editing: the compare-and-set token. */
  version?: string;
  heading: ReactNode;
  submitLabel: string;
  /** A message from the page (after a redirect), shown until this form is used. */
  notice?: string | null;
};

export function IndicatorForm({ action, sections, saved, version, heading, submitLabel, notice }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = failed?.values;
  const conflict = failed?.code === "CONFLICT";
  const text = (f: TextField) => (typed ? (typed[f] ?? "") : saved[f]);
  const ticked = (f: "suppressSmallNumbers" | "active") => (typed ? typed[f] === "on" : saved[f]);
  const labelFor: Partial<Record<TextField, (v: string) => string>> = {
    unit: (v) => unitLabel[v as keyof typeof unitLabel] ?? v,
    polarity: (v) => polarityLabel[v as keyof typeof polarityLabel] ?? v,
    measureType: (v) => measureTypeLabel[v as keyof typeof measureTypeLabel] ?? v,
    sectionId: (v) => sections.find((s) => s.id === v)?.name ?? v,
  };
  /** After a conflict: what is saved now, where it differs from what this editor typed. */
  const differs = (f: string) =>
    conflict &&
    typed !== undefined &&
    f in saved &&
    f !== "suppressSmallNumbers" &&
    f !== "active" &&
    (typed[f] ?? "") !== saved[f as TextField];
  const savedNow = (f: TextField) =>
    differs(f) ? (
      <p className="govuk-body-s govuk-!-margin-bottom-2" id={`${f}-saved`}>
        Saved by someone else: <strong>{saved[f] === "" ? "(blank)" : (labelFor[f]?.(saved[f]) ?? saved[f])}</strong>
      </p>
    ) : null;

  const note = (f: TextField) => ({ note: savedNow(f), noteId: differs(f) ? `${f}-saved` : undefined });

  const input = (f: TextField, label: string, opts: { hint?: string; width?: string; numeric?: boolean } = {}) => (
    <TextInput
      id={f}
      labelSize="s"
      label={label}
      hint={opts.hint}
      error={errors[f]}
      {...note(f)}
      width={opts.width}
      defaultValue={text(f)}
      inputMode={opts.numeric ? "numeric" : undefined}
      spellCheck={opts.numeric ? false : undefined}
    />
  );

  const radios = (f: "unit" | "polarity" | "measureType", legend: string, options: readonly string[], hints?: Record<string, string>) => (
    <Radios
      id={f}
      legendSize="s"
      legend={legend}
      error={errors[f]}
      {...note(f)}
      small
      defaultValue={text(f)}
      options={options.map((o) => ({ value: o, label: labelFor[f]!(o), hint: hints?.[o] }))}
    />
  );

  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} idFor={(f) => (f === "expectedUpdatedAt" ? "name" : f)} />
      {state?.ok ? <SuccessBanner heading={state.message ?? "Saved"} /> : !state && notice ? <SuccessBanner heading={notice} /> : null}
      {heading}
      <form action={formAction} noValidate>
        {version ? <input type="hidden" name="expectedUpdatedAt" value={version} /> : null}
        <div key={state?.at ?? 0}>
          {version ? (
            <div className="govuk-!-margin-bottom-6">
              <input type="hidden" name="code" value={saved.code} />
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Code</h2>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <code>{saved.code}</code>
              </p>
              <p className="govuk-hint">
                The code cannot be changed: imports, exports and links use it. To use a different code, add a new indicator and make this
                one inactive.
              </p>
            </div>
          ) : (
            input("code", "Code", {
              hint: "Capital letters, numbers and underscores, like CP_PLANS. It cannot be changed later, because imports and exports use it.",
              width: "20",
            })
          )}
          {input("name", "Name", { hint: "A short label, as the pack shows it" })}
          <Select
            id="sectionId"
            labelSize="s"
            label="Section"
            error={errors.sectionId}
            {...note("sectionId")}
            defaultValue={text("sectionId")}
            options={[{ value: "", label: "Choose a section" }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
          />
          {input("order", "Position in section (optional)", {
            hint: "1 is first. Leave blank to keep its place, or to put a new indicator at the end. Indicators with the same position are listed by code.",
            width: "3",
            numeric: true,
          })}
          <Textarea
            id="definition"
            labelSize="s"
            label="Definition"
            hint="What is counted, in plain English"
            error={errors.definition}
            {...note("definition")}
            rows={4}
            defaultValue={text("definition")}
          />
          {radios("unit", "Unit", UNITS)}
          {radios("polarity", "Which direction is better", POLARITIES)}
          {radios("measureType", "How the monthly value is formed", MEASURE_TYPES, measureTypeHint)}
          {input("decimals", "Decimal places", { hint: "From 0 to 3. Counts are whole numbers, so 0.", width: "2", numeric: true })}
          {input("timescale", "Timescale (optional)", { hint: "For example, 45 working days" })}
          {input("timescaleBasis", "Timescale basis (optional)", { hint: "For example, statutory guidance (Working Together 2018)" })}
          {input("dataSource", "Data source (optional)", { hint: "For example, CIN census" })}
          <Checkboxes
            id="settings"
            legendSize="s"
            legend="Settings"
            small
            checked={(["suppressSmallNumbers", "active"] as const).filter(ticked)}
            options={[
              {
                value: "suppressSmallNumbers",
                name: "suppressSmallNumbers",
                label: "Suppress small numbers",
                hint: 'Show values from 1 to 5 as "c" to the panel, so that children cannot be identified',
              },
              {
                value: "active",
                name: "active",
                label: "Active",
                hint: "Inactive indicators stay in the catalogue and in earlier packs, but are left out of new months",
              },
            ]}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
