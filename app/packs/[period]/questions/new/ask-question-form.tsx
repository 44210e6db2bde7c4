"use client";
// The form a panel member asks with: what the question is about (the whole pack, a section or one
// indicator, grouped by section) and the question. A refused question keeps what was typed.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { CharacterCount } from "@/components/form/character-count";
import { FieldMessages, FormGroup, describedBy } from "@/components/form/form-group";
import { MAX_QUESTION_LENGTH } from "@/lib/questions/question-workflow";
import type { AboutChoices } from "@/lib/questions/find-questions";
import { askQuestionAction } from "./actions";

type Props = { month: string; choices: AboutChoices; initialAbout: string; monthLabel: string };

export function AskQuestionForm({ month, choices, initialAbout, monthLabel }: Props) {
  const [state, action, pending] = useActionState(askQuestionAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const aboutHint = "Choose an indicator if your question is about one figure, so the right service lead answers it.";
  return (
    <>
      <ErrorSummary errors={errors} message={failed?.message} />
      <form action={action} noValidate key={state?.at ?? 0}>
        <input type="hidden" name="month" value={month} />
        <FormGroup error={errors.about}>
          <label className="govuk-label govuk-label--m" htmlFor="about">
            About
          </label>
          <FieldMessages id="about" hint={aboutHint} error={errors.about} />
          <select
            className={`govuk-select app-question-about${errors.about ? " govuk-select--error" : ""}`}
            id="about"
            name="about"
            defaultValue={failed?.values?.about ?? initialAbout}
            aria-describedby={describedBy("about", { hint: aboutHint, error: errors.about })}
          >
            <option value="pack">The whole {monthLabel} pack</option>
            <optgroup label="Sections">
              {choices.map((s) => (
                <option key={s.slug} value={`section:${s.slug}`}>
                  {s.name} (the whole section)
                </option>
              ))}
            </optgroup>
            {choices
              .filter((s) => s.indicators.length)
              .map((s) => (
                <optgroup key={s.slug} label={`Indicators: ${s.name}`}>
                  {s.indicators.map((i) => (
                    <option key={i.code} value={`indicator:${i.code}`}>
                      {i.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </FormGroup>
        <CharacterCount
          id="body"
          label="Your question"
          labelSize="m"
          hint="Ask one question. It is answered in writing before the meeting, and the question and its answer are added to the pack for everyone to read."
          error={errors.body}
          maxLength={MAX_QUESTION_LENGTH}
          rows={8}
          defaultValue={failed?.values?.body ?? ""}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending} aria-disabled={pending}>
          Send question
        </button>
      </form>
    </>
  );
}
