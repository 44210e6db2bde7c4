// Every indicator on one table, by section: this month, last month, change, last year, target,
// RAG, direction and the England comparator. Headers repeat on every printed page.
import { addMonths, formatShortMonth } from "@/lib/format/dates";
import { formatValue } from "@/lib/judgement";
import type { PackSnapshot } from "@/lib/pack/snapshot-types";
import { comparatorText, DirectionText, figureText, RagTag } from "@/components/pack/figures";

export function PackSummaryTable({ snapshot }: { snapshot: Omit<PackSnapshot, "charts"> }) {
  const m = snapshot.month;
  return (
    <section className="app-pack-page" aria-labelledby="summary-title">
      <h2 className="govuk-heading-l" id="summary-title">Summary of indicators</h2>
      <p className="govuk-body-s">RAG is the rating against target (Green: on target; Amber: within tolerance; Red: outside it). Direction compares with last month and with {formatShortMonth(addMonths(m, -12))}. England figures are shown for rates and percentages; monthly counts are not comparable with England&apos;s annual totals. c: a number from 1 to 5, not shown to protect children&apos;s privacy.</p>
      <div className="app-table-wrapper">
        <table className="govuk-table app-pack-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{formatShortMonth(m)}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{formatShortMonth(addMonths(m, -1))}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Change</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{formatShortMonth(addMonths(m, -12))}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Target</th>
              <th scope="col" className="govuk-table__header">RAG</th>
              <th scope="col" className="govuk-table__header">On last month</th>
              <th scope="col" className="govuk-table__header">On last year</th>
              <th scope="col" className="govuk-table__header">England</th>
            </tr>
          </thead>
          {snapshot.sections.map((s) => (
            <tbody className="govuk-table__body" key={s.slug}>
              <tr className="govuk-table__row app-pack-table__section">
                <th scope="colgroup" colSpan={10} className="govuk-table__header">{s.name}</th>
              </tr>
              {s.indicators.map((ind) => (
                <tr className="govuk-table__row" key={ind.code}>
                  <th scope="row" className="govuk-table__header app-pack-table__name">{ind.name}{ind.revised ? <span className="app-muted"> (revised)</span> : null}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{figureText(ind, ind.value, ind.suppressed.value, ind.notAvailableReason)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{figureText(ind, ind.lastMonth, ind.suppressed.lastMonth)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{ind.changeVsLastMonth ?? "Not known"}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{figureText(ind, ind.lastYear, ind.suppressed.lastYear)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{ind.target ? formatValue(ind.target.value, ind) : "None"}</td>
                  <td className="govuk-table__cell"><RagTag rag={ind.rag} /></td>
                  <td className="govuk-table__cell"><DirectionText direction={ind.vsLastMonth} /></td>
                  <td className="govuk-table__cell"><DirectionText direction={ind.vsLastYear} /></td>
                  <td className="govuk-table__cell">{comparatorText(ind)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
