"use client";
// GOV.UK Frontend 6's character count, as its JavaScript leaves the page: the limit as the textarea's
// description ("{id}-info", visually hidden), a visible count that screen readers skip, and a polite
// live region that is updated only once the user pauses typing (checked every second, 500 ms after
// the last keystroke), so a screen reader announces the count once rather than at every key.
// The server render already shows the count, so it works before hydration too.
import { useEffect, useRef, useState, type Ref } from "react";
import { FieldError } from "@/components/form/error-summary";

const CHECK_EVERY_MS = 1000;
const QUIET_FOR_MS = 500;

export function countMessage(maxLength: number, length: number): string {
  const remaining = maxLength - length;
  const n = (k: number) => k.toLocaleString("en-GB");
  if (remaining === 0) return `You have 0 characters remaining`;
  if (remaining > 0) return `You have ${n(remaining)} character${remaining === 1 ? "" : "s"} remaining`;
  return `You have ${n(-remaining)} character${remaining === -1 ? "" : "s"} too many`;
}

type Props = {
  id: string;
  name?: string;
  label: string;
  /** GOV.UK label size: "s", "m", "l" or "xl" (none for the default). */
  labelSize?: "s" | "m" | "l" | "xl";
  hint?: string;
  error?: string;
  maxLength: number;
  rows?: number;
  /** Controlled value; without it the textarea keeps its own, starting from defaultValue. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  spellCheck?: boolean;
};

export function CharacterCount({
  id,
  name = id,
  label,
  labelSize,
  hint,
  error,
  maxLength,
  rows = 5,
  value,
  defaultValue = "",
  onChange,
  textareaRef,
  spellCheck,
}: Props) {
  const [own, setOwn] = useState(defaultValue);
  const text = value ?? own;
  const [announced, setAnnounced] = useState(() => countMessage(maxLength, text.length));
  const lastInput = useRef<number | null>(null);
  const current = useRef(text);
  useEffect(() => {
    current.current = text;
  }, [text]);
  const [focused, setFocused] = useState(false);

  // While the box has focus, the live region catches up with the text once typing has paused.
  useEffect(() => {
    if (!focused) return;
    const timer = window.setInterval(() => {
      if (lastInput.current !== null && Date.now() - QUIET_FOR_MS < lastInput.current) return;
      setAnnounced(countMessage(maxLength, current.current.length));
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [focused, maxLength]);

  const over = text.length > maxLength;
  const describedBy = [`${id}-info`, hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div
      className={`govuk-form-group govuk-character-count${error ? " govuk-form-group--error" : ""}`}
      data-module="govuk-character-count"
      data-maxlength={maxLength}
    >
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ""}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} error={error} />
      <textarea
        ref={textareaRef}
        className={`govuk-textarea govuk-js-character-count${error || over ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        value={text}
        spellCheck={spellCheck}
        onChange={(e) => {
          lastInput.current = Date.now();
          if (value === undefined) setOwn(e.target.value);
          onChange?.(e.target.value);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        aria-describedby={describedBy}
      />
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {maxLength.toLocaleString("en-GB")} characters
      </div>
      <div
        className={`govuk-character-count__message govuk-character-count__status ${over ? "govuk-error-message" : "govuk-hint"}`}
        aria-hidden="true"
      >
        {countMessage(maxLength, text.length)}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
