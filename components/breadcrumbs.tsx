// GOV.UK breadcrumbs: the pages above this one, nearest last.
import type { ReactNode } from "react";

export function Breadcrumbs({ items }: { items: { href: string; text: ReactNode }[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.href} className="govuk-breadcrumbs__list-item">
            <a className="govuk-breadcrumbs__link" href={item.href}>
              {item.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
