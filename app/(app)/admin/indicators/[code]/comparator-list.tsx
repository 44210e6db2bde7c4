// The published figures the pack sets beside this indicator, such as England 2018-19.
import Link from "next/link";
import type { IndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { formatComparator } from "@/lib/catalogue/indicator-labels";

export function ComparatorList({ indicator }: { indicator: IndicatorForEdit }) {
  const base = `/admin/indicators/${indicator.code}/comparators`;
  return (
    <section aria-labelledby="comparators" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="comparators">
        Comparators
      </h2>
      {indicator.comparators.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Comparators for {indicator.name}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Comparator
              </th>
              <th scope="col" className="govuk-table__header">
                Period
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Value
              </th>
              <th scope="col" className="govuk-table__header">
                Source
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {indicator.comparators.map((c) => (
              <tr key={c.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {c.label}
                </th>
                <td className="govuk-table__cell">{c.periodLabel}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {formatComparator(c.value, indicator.unit, indicator.decimals)}
                </td>
                <td className="govuk-table__cell">
                  {c.source ?? <span className="app-muted">Not given</span>}
                  {c.notes ? <span className="app-table-note">{c.notes}</span> : null}
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`${base}/${c.id}`}>
                    Change
                    <span className="govuk-visually-hidden">
                      {" "}
                      {c.label} {c.periodLabel}
                    </span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">This indicator has no comparators.</p>
      )}
      <Link
        href={`${base}/new`}
        role="button"
        draggable={false}
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Add a comparator
      </Link>
    </section>
  );
}
