// One section of the pack: its commentary first (with its authors named in full: initials in a tooltip
// were lost on paper and touch screens),
// then one compact table of its indicators, then their trend charts as small multiples, each with
// its figures one click away.
import { CommentaryMarkdown } from "@/components/commentary-markdown";
import { chartMonths, chartSpecFor, hasChart } from "@/lib/pack/snapshot/chart-spec";
import { comparatorName, packComparators } from "@/lib/pack/snapshot/pack-comparators";
import { addMonths, formatMonth, formatShortMonth } from "@/lib/format/dates";
import type { PackSnapshot, SnapshotIndicator, SnapshotSection } from "@/lib/pack/snapshot/snapshot-types";
import { LiveTrendChart } from "@/components/pack/live-trend-chart";
import { ComparatorList } from "@/components/pack/national-comparators";
import { DirectionText, figureText, RagTag } from "@/components/pack/figures";
import { formatValue } from "@/lib/judgement";
import { TableHead } from "@/components/table-head";
import { sectionHeading } from "@/lib/pack/delivery/pack-contents";
import { ScrollRegion } from "@/components/scroll-region";
import type { SpelledOutPack } from "@/lib/pack/render/glossary";

export function PackSection({
  section,
  index,
  month,
  charts,
  recommended = new Map(),
  ask = false,
  words,
}: {
  section: SnapshotSection;
  index: number;
  month: string;
  charts: PackSnapshot["charts"] | null;
  /** Indicator code -> the anchor of an open recommendation on it. */
  recommended?: ReadonlyMap<string, string>;
  ask?: boolean;
  /** Abbreviations written out at first use (lib/pack/render/glossary.ts). */
  words?: SpelledOutPack;
}) {
  const id = `section-${section.slug}`;
  return (
    <section className="app-pack-part app-pack-section" aria-labelledby={id}>
      <h2 className="govuk-heading-l" id={id}>
        {sectionHeading(index, section.name)}
      </h2>
      {section.commentary ? (
        <div className="app-pack-commentary">
          <CommentaryMarkdown body={words ? words.commentary(section.slug, section.commentary.body) : section.commentary.body} />
          <p className="govuk-body-s app-muted app-pack-commentary__by">
            Commentary by {namesInWords(section.commentary.authors.map((a) => a.name))}
            {section.commentary.approvedByName ? `; approved by ${section.commentary.approvedByName}` : ""}
          </p>
        </div>
      ) : (
        <p className="govuk-body app-muted">No commentary for this section.</p>
      )}
      {ask ? (
        <p className="govuk-body-s app-no-print">
          <a className="govuk-link" href={`/packs/${month}/questions/new?about=section:${section.slug}`}>
            Ask a question about {section.name}
          </a>
        </p>
      ) : null}
      <SectionTable section={section} month={month} recommended={recommended} ask={ask} />
      <div className="app-charts">
        {section.indicators.map((ind) => (
          <IndicatorChart key={ind.code} ind={ind} month={month} svg={charts?.[ind.code] ?? null} live={charts === null} />
        ))}
      </div>
    </section>
  );
}

function SectionTable({
  section,
  month,
  recommended,
  ask,
}: {
  section: SnapshotSection;
  month: string;
  recommended: ReadonlyMap<string, string>;
  ask: boolean;
}) {
  return (
    <ScrollRegion label={`${section.name}: figures`}>
      <table className="govuk-table app-pack-table app-pack-detail">
        <caption className="govuk-visually-hidden">
          {section.name}: figures for {formatMonth(month)}
        </caption>
        <TableHead
          columns={[
            "Indicator",
            { text: formatShortMonth(month), numeric: true },
            `Since ${formatShortMonth(addMonths(month, -1))}`,
            `Since ${formatShortMonth(addMonths(month, -12))}`,
            { text: "Target", numeric: true },
            "RAG",
            "Comparators",
          ]}
        />
        <tbody className="govuk-table__body">
          {section.indicators.map((ind) => (
            <tr className="govuk-table__row" key={ind.code}>
              <th scope="row" className="govuk-table__header app-pack-table__name" id={`ind-${ind.code}`}>
                {ind.name}
                {ind.revised ? <span className="app-muted"> (revised)</span> : null}
                {ind.notAvailableReason ? <span className="app-pack-table__note">Not available: {ind.notAvailableReason}</span> : null}
                {ind.note ? <span className="app-pack-table__note">{ind.note}</span> : null}
                <OpenMarkers ind={ind} recommendation={recommended.get(ind.code)} />
                {ask ? (
                  <a
                    className="govuk-link app-pack-table__ask app-no-print"
                    href={`/packs/${month}/questions/new?about=indicator:${ind.code}`}
                  >
                    Ask a question<span className="govuk-visually-hidden"> about {ind.name}</span>
                  </a>
                ) : null}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric app-pack-figure">
                {figureText(ind, ind.value, ind.suppressed.value, ind.notAvailableReason)}
              </td>
              {/* Each change beside this month's figure, under a heading that says since when, with the
                  figure it was measured from (issue 26: printed under last month's figure, "Jun 2019
                  92.4% ▼ Worse" read as if June got worse). */}
              <td className="govuk-table__cell app-pack-movement">
                <Movement direction={ind.vsLastMonth} change={ind.changeVsLastMonth}>
                  {figureText(ind, ind.lastMonth, ind.suppressed.lastMonth, null, ind.unsigned?.lastMonth)}
                </Movement>
              </td>
              <td className="govuk-table__cell app-pack-movement">
                <Movement direction={ind.vsLastYear} change={ind.changeVsLastYear}>
                  {figureText(ind, ind.lastYear, ind.suppressed.lastYear, null, ind.unsigned?.lastYear)}
                </Movement>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{ind.target ? formatValue(ind.target.value, ind) : "None"}</td>
              <td className="govuk-table__cell">
                <RagTag rag={ind.rag} />
              </td>
              <td className="govuk-table__cell">
                <Comparators ind={ind} month={month} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** "Recommendation open" and "Action open": what is still being done about this indicator. */
function OpenMarkers({ ind, recommendation }: { ind: SnapshotIndicator; recommendation: string | undefined }) {
  const actionOpen = ind.actions?.some((a) => a.status === "OPEN") ?? false;
  if (!recommendation && !actionOpen) return null;
  return (
    <span className="app-pack-markers">
      {recommendation ? (
        <a className="govuk-link app-pack-marker" href={`#${recommendation}`}>
          <span aria-hidden="true">◆ </span>Recommendation open
        </a>
      ) : null}
      {actionOpen ? (
        <a className="govuk-link app-pack-marker" href="#exceptions-title">
          <span aria-hidden="true">● </span>Action open
        </a>
      ) : null}
    </span>
  );
}

/** "▼ Down 1.9 percentage points, worse (was 92.4%)"; just the earlier figure when there is no comparison. */
function Movement({
  direction,
  change,
  children,
}: {
  direction: SnapshotIndicator["vsLastMonth"];
  change: string | null;
  children: React.ReactNode;
}) {
  if (!direction) return <>{children}</>;
  return (
    <>
      <DirectionText direction={direction} change={change} /> <span className="app-pack-movement__was">(was {children})</span>
    </>
  );
}

function Comparators({ ind, month }: { ind: SnapshotIndicator; month: string }) {
  const { lines, none } = packComparators(ind, month);
  return <ComparatorList lines={lines} rules={ind} none={none} />;
}

function IndicatorChart({ ind, month, svg, live }: { ind: SnapshotIndicator; month: string; svg: string | null; live: boolean }) {
  const spec = chartSpecFor(ind, month);
  const comparator = packComparators(ind, month).headline;
  const rules = { unit: ind.unit, decimals: ind.decimals };
  const drawable = hasChart(ind);
  return (
    <figure className="app-chart" id={`chart-${ind.code}`} aria-labelledby={`chart-title-${ind.code}`}>
      <h3 className="app-chart__title" id={`chart-title-${ind.code}`}>
        {ind.name}
      </h3>
      {!drawable ? (
        <p className="app-chart__none">
          {ind.trend.some((t) => t.suppressed)
            ? "A small number (shown as c) in most months, so there is no chart."
            : "Too few figures for a chart."}
        </p>
      ) : svg ? (
        <div className="app-chart__svg" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : live ? (
        <LiveTrendChart spec={spec} />
      ) : null}
      <figcaption className="app-chart__caption">
        {ind.summary}.
        {drawable && ind.target ? (
          <>
            {" "}
            <span className="app-chart__key app-chart__key--target" aria-hidden="true" /> Target {formatValue(ind.target.value, rules)}.
          </>
        ) : null}
        {drawable && comparator ? (
          <>
            {" "}
            <span className="app-chart__key app-chart__key--comparator" aria-hidden="true" /> {comparatorName(comparator)}:{" "}
            {formatValue(comparator.value, rules)}.
          </>
        ) : null}
      </figcaption>
      {chartMonths(ind).some((t) => t.value !== null) ? (
        <details className="govuk-details app-chart__details app-no-print">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Figures<span className="govuk-visually-hidden"> for each month: {ind.name}</span>
            </span>
          </summary>
          <div className="govuk-details__text">
            {/* Plain markup, styled by .app-trend-table: 32 of these would otherwise be a third of the page's bytes. */}
            <table className="app-trend-table">
              <caption className="govuk-visually-hidden">{ind.name} by month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Figure</th>
                </tr>
              </thead>
              <tbody>
                {spec.trend.map((t, i) => {
                  const at = ind.trend.at(i - spec.trend.length);
                  return (
                    <tr key={t.month}>
                      <th scope="row">{formatShortMonth(t.month)}</th>
                      <td>{figureText(ind, t.value, Boolean(at?.suppressed), null, Boolean(at?.unsigned))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}

/** "Dana Patel", "Dana Patel and Lee Okafor", "A, B and C". */
function namesInWords(names: string[]): string {
  return names.length < 3 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
