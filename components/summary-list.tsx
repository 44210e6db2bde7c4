// A row of a GOV.UK summary list: the key, the value, and an optional change link whose hidden
// words say what it changes. In a list where some rows have links, the others say so (`mixed`),
// as GOV.UK asks, so the columns line up.
import type { ReactNode } from "react";

export function SummaryRow({
  label,
  children,
  action,
  mixed = false,
}: {
  label: string;
  children: ReactNode;
  action?: { href: string; text: string; hidden: string };
  mixed?: boolean;
}) {
  return (
    <div className={`govuk-summary-list__row${mixed && !action ? " govuk-summary-list__row--no-actions" : ""}`}>
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      {action ? (
        <dd className="govuk-summary-list__actions">
          <a className="govuk-link" href={action.href}>
            {action.text}
            <span className="govuk-visually-hidden"> {action.hidden}</span>
          </a>
        </dd>
      ) : null}
    </div>
  );
}
