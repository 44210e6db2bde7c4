// Every indicator on one table, by section: this month, RAG, direction against last month and last
// year, and a sparkline of its trend. The detail (figures, changes, target, comparators) is in each
// section's own table. Headers repeat on every printed page.
import { formatShortMonth } from "@/lib/format/dates";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { DirectionText, figureText, RagTag } from "@/components/pack/figures";
import { Sparkline } from "@/components/pack/sparkline";
import { sectionHeading } from "@/lib/pack/delivery/pack-contents";
import { ScrollRegion } from "@/components/scroll-region";
import type { SpelledOutPack } from "@/lib/pack/render/glossary";

/** `words`: the names with abbreviations written out, as this table is where the pack first uses most. */
export function PackSummaryTable({ snapshot, words }: { snapshot: Omit<PackSnapshot, "charts">; words?: SpelledOutPack }) {
  return (
    <section className="app-pack-part" aria-labelledby="summary-title">
      <h2 className="govuk-heading-l" id="summary-title">
        Summary of indicators
      </h2>
      <ScrollRegion label="Summary of indicators">
        <table className="govuk-table app-pack-table app-pack-summary">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Indicator
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {formatShortMonth(snapshot.month)}
              </th>
              <th scope="col" className="govuk-table__header">
                RAG
              </th>
              <th scope="col" className="govuk-table__header">
                On last month
              </th>
              <th scope="col" className="govuk-table__header">
                On last year
              </th>
              <th scope="col" className="govuk-table__header app-pack-summary__trend">
                Trend
              </th>
            </tr>
          </thead>
          {snapshot.sections.map((s, i) => (
            <tbody className="govuk-table__body" key={s.slug}>
              <tr className="govuk-table__row app-pack-table__section">
                <th scope="rowgroup" colSpan={6} className="govuk-table__header">
                  <a className="govuk-link" href={`#section-${s.slug}`}>
                    {sectionHeading(i, s.name)}
                  </a>
                </th>
              </tr>
              {s.indicators.map((ind) => (
                <tr className="govuk-table__row" key={ind.code}>
                  <th scope="row" className="govuk-table__header app-pack-table__name">
                    {words ? words.indicatorName(ind.code, ind.name) : ind.name}
                    {ind.revised ? <span className="app-muted"> (revised)</span> : null}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {figureText(ind, ind.value, ind.suppressed.value, ind.notAvailableReason)}
                  </td>
                  <td className="govuk-table__cell">
                    <RagTag rag={ind.rag} />
                  </td>
                  <td className="govuk-table__cell">
                    <DirectionText direction={ind.vsLastMonth} />
                  </td>
                  <td className="govuk-table__cell">
                    <DirectionText direction={ind.vsLastYear} />
                  </td>
                  <td className="govuk-table__cell app-pack-summary__trend">
                    <Sparkline ind={ind} />
                    <span className="govuk-visually-hidden">{ind.summary}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
    </section>
  );
}
