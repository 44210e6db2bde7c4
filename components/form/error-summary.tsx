"use client";
// GOV.UK error summary: takes focus when it appears and links to each field (or row) in error.
import { useEffect, useRef, type ReactNode } from "react";

export type FieldErrors = Record<string, string>;

/** The summary itself: one entry per problem, each a link where it has somewhere to go. */
export function ErrorSummaryPanel({ items, children }: { items: { href?: string; text: string }[]; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(items);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => <li key={i}>{item.href ? <a href={item.href}>{item.text}</a> : item.text}</li>)}
          </ul>
          {children}
        </div>
      </div>
    </div>
  );
}

/** A form's summary: its field errors linked to the fields, or the one message when no field is named. */
export function ErrorSummary({ errors, message, idFor = (f) => f }: { errors: FieldErrors; message?: string; idFor?: (field: string) => string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0 && !message) return null;
  const items = entries.length ? entries.map(([field, text]) => ({ href: `#${idFor(field)}`, text })) : [{ text: message! }];
  return <ErrorSummaryPanel items={items} />;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}
