// The section's figures for the month beside the commentary, so the lead writes from the numbers:
// last month, this month, the movement, target, RAG and direction of travel.
import type { SectionWorkspace } from "@/lib/commentary/load-section-workspace";
import { addMonths, formatShortMonth } from "@/lib/format/dates";
import { formatTableValue, judgeMonth } from "@/lib/judgement";
import { DirectionOfTravel, RagTag } from "@/components/judgement-tags";
import { GovukTable } from "@/components/govuk-table";
import { NationalComparatorList } from "@/components/pack/national-comparators";

type SectionFigure = SectionWorkspace["figures"][number];

export function SectionFigures({ month, figures }: { month: string; figures: SectionWorkspace["figures"] }) {
  const text = (v: number | null, f: SectionFigure) => (v === null ? "No value" : formatTableValue(v, f));
  const rows = figures.map((f) => ({
    f,
    j: judgeMonth(f, {
      month,
      value: f.current,
      lastMonth: f.previous,
      lastYear: f.lastYear,
      targets: f.target === null ? [] : [{ fromMonth: month, target: f.target, tolerance: f.tolerance }],
    }),
  }));
  return (
    <GovukTable
      caption={`Figures for ${formatShortMonth(month)}`}
      captionHidden
      className="app-pack-table"
      scroll={{ label: "Figures" }}
      rows={rows}
      rowKey={({ f }) => f.id}
      columns={[
        {
          header: "Indicator",
          rowHeader: true,
          cellClassName: "app-pack-table__name",
          cell: ({ f }) => (
            <>
              {f.name}
              {f.revised ? <strong className="govuk-tag govuk-tag--yellow app-revised">Revised</strong> : null}
            </>
          ),
        },
        { header: formatShortMonth(addMonths(month, -1)), numeric: true, cell: ({ f }) => text(f.previous, f) },
        {
          header: formatShortMonth(month),
          numeric: true,
          cell: ({ f }) => (f.current === null && f.notAvailableReason ? `Not available: ${f.notAvailableReason}` : text(f.current, f)),
        },
        { header: "Target", numeric: true, cell: ({ f }) => (f.target === null ? "None" : text(f.target, f)) },
        { header: "RAG", cell: ({ j }) => <RagTag rag={j.rag} /> },
        { header: "On last month", cell: ({ j }) => <DirectionOfTravel direction={j.vsLastMonth} change={j.changeVsLastMonth} /> },
        { header: "On last year", cell: ({ j }) => <DirectionOfTravel direction={j.vsLastYear} change={j.changeVsLastYear} /> },
        {
          header: "Published comparators (DfE, by year)",
          cell: ({ f }) =>
            f.national ? (
              <NationalComparatorList national={f.national} rules={f} />
            ) : (
              <span className="app-muted">Not linked to a DfE measure</span>
            ),
        },
      ]}
    />
  );
}
