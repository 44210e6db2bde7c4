// One section of the pack: its commentary (with its authors' initials, as councillors ask) and, for
// each indicator, the trend chart, a one-line summary and the month-by-month table behind it.
import { CommentaryMarkdown } from "@/components/commentary-markdown";
import { chartSpecFor } from "@/lib/pack/chart-spec";
import { formatMonth } from "@/lib/format/dates";
import type { PackSnapshot, SnapshotIndicator, SnapshotSection } from "@/lib/pack/snapshot-types";
import { LiveTrendChart } from "@/components/pack/live-trend-chart";
import { comparatorText, DirectionText, figureText, RagTag } from "@/components/pack/figures";
import { formatValue } from "@/lib/judgement";
import { TableHead } from "@/components/table-head";

export function PackSection({ section, index, charts }: { section: SnapshotSection; index: number; charts: PackSnapshot["charts"] | null }) {
  const id = `section-${section.slug}`;
  return (
    <section className="app-pack-page app-pack-section" aria-labelledby={id}>
      <h2 className="govuk-heading-l" id={id}>{index + 1}. {section.name}</h2>
      {section.commentary ? (
        <div className="app-pack-commentary">
          <CommentaryMarkdown body={section.commentary.body} />
          <p className="govuk-body-s app-muted">
            Commentary by {section.commentary.authors.map((a) => <abbr key={a.name} title={a.name}>{a.initials}</abbr>).reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), [])}
            {section.commentary.approvedByName ? `; approved by ${section.commentary.approvedByName}` : ""}
          </p>
        </div>
      ) : (
        <p className="govuk-body app-muted">No commentary for this section.</p>
      )}
      {section.indicators.map((ind) => <IndicatorBlock key={ind.code} ind={ind} svg={charts?.[ind.code] ?? null} />)}
    </section>
  );
}

function IndicatorBlock({ ind, svg }: { ind: SnapshotIndicator; svg: string | null }) {
  const spec = chartSpecFor(ind);
  return (
    <article className="app-indicator" aria-labelledby={`ind-${ind.code}`}>
      <h3 className="govuk-heading-m" id={`ind-${ind.code}`}>{ind.name}</h3>
      <p className="govuk-body app-indicator__summary"><strong>{ind.summary}.</strong></p>
      <ul className="govuk-list app-indicator__facts">
        <li>This month: <strong>{figureText(ind, ind.value, ind.suppressed.value, ind.notAvailableReason)}</strong>{ind.notAvailableReason ? ` (${ind.notAvailableReason})` : ""}</li>
        <li>Target: {ind.target ? formatValue(ind.target.value, ind) : "None"} &middot; RAG: <RagTag rag={ind.rag} /></li>
        <li className="app-indicator__travel">On last month: <DirectionText direction={ind.vsLastMonth} /></li>
        <li className="app-indicator__travel">On last year: <DirectionText direction={ind.vsLastYear} /></li>
        <li>England: {comparatorText(ind)}</li>
      </ul>
      <figure className="app-chart">
        {svg ? <div className="app-chart__svg" dangerouslySetInnerHTML={{ __html: svg }} /> : <LiveTrendChart ind={ind} title={spec.title} description={spec.description} />}
        <figcaption className="govuk-body-s app-muted">Solid line: monthly figure{ind.target ? "; dashed line: target" : ""}{spec.comparator ? `; dotted line: ${spec.comparator.label}` : ""}.</figcaption>
      </figure>
      <details className="govuk-details app-no-print">
        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Figures for each month<span className="govuk-visually-hidden">: {ind.name}</span></span></summary>
        <div className="govuk-details__text">
          <table className="govuk-table app-trend-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{ind.name} by month</caption>
            <TableHead columns={["Month", { text: "Figure", numeric: true }]} />
            <tbody className="govuk-table__body">
              {ind.trend.map((t) => (
                <tr className="govuk-table__row" key={t.month}>
                  <th scope="row" className="govuk-table__header">{formatMonth(t.month)}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{figureText(ind, t.value, Boolean(t.suppressed))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body-s">{ind.definition}</p>
        </div>
      </details>
    </article>
  );
}
