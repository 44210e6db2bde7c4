"use client";
// The preview's GOV.UK error summary: one entry per problem (a row can have several), each linking
// to its row in the table. Takes focus on arrival, as the error summary pattern asks.
import { useEffect, useRef } from "react";

export function RowErrorSummary({ items, more }: { items: { href: string; text: string }[]; more: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => (
              <li key={i}><a href={item.href}>{item.text}</a></li>
            ))}
          </ul>
          {more > 0 ? <p className="govuk-body">and {more.toLocaleString("en-GB")} more. Correct these first, then upload the file again to see the rest.</p> : null}
        </div>
      </div>
    </div>
  );
}
