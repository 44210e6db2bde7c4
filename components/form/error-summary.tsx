"use client";
// GOV.UK error summary: takes focus when it appears and links to each field in error.
import { useEffect, useRef } from "react";

export type FieldErrors = Record<string, string>;

export function ErrorSummary({ errors, message, idFor = (f) => f }: { errors: FieldErrors; message?: string; idFor?: (field: string) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const show = entries.length > 0 || Boolean(message);
  const key = JSON.stringify(errors) + (message ?? "");
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, key]);
  if (!show) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {message && entries.length === 0 ? <li>{message}</li> : null}
            {entries.map(([field, text]) => (
              <li key={field}>
                <a href={`#${idFor(field)}`}>{text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}
