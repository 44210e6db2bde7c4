// What a pack holds, as the two check pages (sign-off/, publish/) show it: the counts as summary
// rows, a summary list of the sections and their commentary, and warnings worth a second look.
import { SummaryRow } from "@/components/summary-list";
import { countOf, type PackSummary } from "@/lib/pack/lifecycle/summarise-pack";
import { WarningText } from "@/components/warning-text";

/** Rows for a summary list that the page opens with its own rows (month, version). */
export function PackCountRows({ summary }: { summary: PackSummary }) {
  const { rag } = summary;
  const withFigure = summary.indicators - summary.notAvailable.length;
  return (
    <>
      <SummaryRow label="Figures">
        {countOf(summary.indicators, "indicator")}: {withFigure.toLocaleString("en-GB")} with a figure
        {summary.notAvailable.length ? `, ${summary.notAvailable.length.toLocaleString("en-GB")} marked not available` : ""}
      </SummaryRow>
      <SummaryRow label="RAG ratings (red, amber, green)">
        {rag.RED} red, {rag.AMBER} amber, {rag.GREEN} green
        {rag.NONE ? `, ${rag.NONE} with no rating (no target, or no figure)` : ""}
      </SummaryRow>
      <SummaryRow label="Exceptions">
        {countOf(summary.exceptions, "exception")}, with {countOf(summary.openActions, "open action")}
      </SummaryRow>
      {summary.recommendations ? (
        <SummaryRow label="Recommendations">{countOf(summary.recommendations, "recommendation")} of the panel, with responses</SummaryRow>
      ) : null}
    </>
  );
}

/** One row per section: whose commentary, approved by whom, and its counts. */
export function SectionRows({ month, summary }: { month: string; summary: PackSummary }) {
  return (
    <dl className="govuk-summary-list">
      {summary.sections.map((s) => (
        <SummaryRow
          key={s.slug}
          label={s.name}
          action={{ href: `/periods/${month}/sections/${s.slug}`, text: "Read", hidden: `the ${s.name} commentary` }}
        >
          <p className="govuk-body govuk-!-margin-bottom-1">
            {s.commentary
              ? `Commentary by ${s.commentary.authors.join(", ") || "no one named"}${s.commentary.approvedByName ? `, approved by ${s.commentary.approvedByName}` : ""}`
              : "No commentary"}
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {countOf(s.indicators, "indicator")}, {countOf(s.exceptions, "exception")}
          </p>
        </SummaryRow>
      ))}
    </dl>
  );
}

/** Things to look at again before the step: figures not available, figures revised after commentary. */
export function PackWarnings({ summary }: { summary: PackSummary }) {
  return (
    <>
      {summary.notAvailable.length ? (
        <WarningText>
          {countOf(summary.notAvailable.length, "indicator has", "indicators have")} no figure this month, only a reason:{" "}
          {summary.notAvailable.map((n) => `${n.name} (${n.reason})`).join("; ")}.
        </WarningText>
      ) : null}
      {summary.revised.length ? (
        <WarningText>
          {countOf(summary.revised.length, "figure was", "figures were")} changed after commentary was submitted:{" "}
          {summary.revised.join(", ")}. Check that the commentary still matches {summary.revised.length === 1 ? "it" : "them"}.
        </WarningText>
      ) : null}
    </>
  );
}
