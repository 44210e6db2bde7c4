// The section's figures for the month beside the commentary, so the lead writes from the numbers:
// last month, this month, the movement, target, RAG and direction of travel.
import type { SectionWorkspace } from "@/lib/commentary/load-section-workspace";
import { addMonths, formatShortMonth } from "@/lib/format/dates";
import { formatTableValue, judgeMonth } from "@/lib/judgement";
import { DirectionOfTravel, RagTag } from "@/components/judgement-tags";
import { ScrollRegion } from "@/components/scroll-region";
import { NationalComparatorList } from "@/components/pack/national-comparators";

export function SectionFigures({ month, figures }: { month: string; figures: SectionWorkspace["figures"] }) {
  const text = (v: number | null, f: SectionWorkspace["figures"][number]) => (v === null ? "No value" : formatTableValue(v, f));
  return (
    <ScrollRegion label="Figures">
      <table className="govuk-table app-pack-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Figures for {formatShortMonth(month)}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Indicator
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {formatShortMonth(addMonths(month, -1))}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {formatShortMonth(month)}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Target
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
            <th scope="col" className="govuk-table__header">
              Published comparators (DfE, by year)
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {figures.map((f) => {
            const j = judgeMonth(f, {
              month,
              value: f.current,
              lastMonth: f.previous,
              lastYear: f.lastYear,
              targets: f.target === null ? [] : [{ fromMonth: month, target: f.target, tolerance: f.tolerance }],
            });
            return (
              <tr key={f.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header app-pack-table__name">
                  {f.name}
                  {f.revised ? <strong className="govuk-tag govuk-tag--yellow app-revised">Revised</strong> : null}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{text(f.previous, f)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {f.current === null && f.notAvailableReason ? `Not available: ${f.notAvailableReason}` : text(f.current, f)}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{f.target === null ? "None" : text(f.target, f)}</td>
                <td className="govuk-table__cell">
                  <RagTag rag={j.rag} />
                </td>
                <td className="govuk-table__cell">
                  <DirectionOfTravel direction={j.vsLastMonth} change={j.changeVsLastMonth} />
                </td>
                <td className="govuk-table__cell">
                  <DirectionOfTravel direction={j.vsLastYear} change={j.changeVsLastYear} />
                </td>
                <td className="govuk-table__cell">
                  {f.national ? (
                    <NationalComparatorList national={f.national} rules={f} />
                  ) : (
                    <span className="app-muted">Not linked to a DfE measure</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
