"use client";
// GOV.UK error summary: takes focus when it appears, links to each field (or row) in error, and
// puts "Error: " before the page's title while it shows.
import { useEffect, useRef, type ReactNode } from "react";

export type FieldErrors = Record<string, string>;

/** The summary itself: one entry per problem, each a link where it has somewhere to go. */
export function ErrorSummaryPanel({ items, children }: { items: { href?: string; text: string }[]; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(items);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  useErrorTitle(true);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => (
              <li key={i}>{item.href ? <a href={item.href}>{item.text}</a> : item.text}</li>
            ))}
          </ul>
          {children}
        </div>
      </div>
    </div>
  );
}

/** A form's summary: its field errors linked to the fields, or the one message when no field is named. */
export function ErrorSummary({
  errors,
  message,
  idFor = (f) => f,
}: {
  errors: FieldErrors;
  message?: string;
  idFor?: (field: string) => string;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0 && !message) return null;
  const items = entries.length ? entries.map(([field, text]) => ({ href: `#${idFor(field)}`, text })) : [{ text: message! }];
  return <ErrorSummaryPanel items={items} />;
}

/** GOV.UK: a page with errors says so first in its title, so a screen reader hears it on arrival. */
export function useErrorTitle(show: boolean) {
  useEffect(() => {
    if (!show) return;
    const plain = () => document.title.replace(/^Error: /, "");
    document.title = `Error: ${plain()}`;
    return () => {
      document.title = plain();
    };
  }, [show]);
}

/** A field's error message, with the id its aria-describedby names. `alert` announces it at once
 * (a grid cell whose form has no summary of its own); `children` add detail after the message. */
export function FieldError({ id, error, alert, children }: { id: string; error?: string; alert?: boolean; children?: ReactNode }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message" role={alert ? "alert" : undefined}>
      <span className="govuk-visually-hidden">Error:</span> {error}
      {children}
    </p>
  );
}

/** A message that is about the form, not one field (a refused move of a row): said at once. */
export function FormError({ message, className }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p className={`govuk-error-message${className ? ` ${className}` : ""}`} role="alert">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}
