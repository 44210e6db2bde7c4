// The computed figures beside the month's values: what each is, its working in words, and what
// confirming does with it. Each result is a word in a tag, so colour only supports it.
import type { FigureView } from "@/lib/annex-a/find-annex-a-preview";
import { formatTableValue } from "@/lib/judgement/format-number";
import { GovukTable } from "@/components/govuk-table";

const OUTCOME: Record<FigureView["outcome"], { text: string; className: string }> = {
  error: { text: "Cannot be stored", className: "govuk-tag--red" },
  changed: { text: "Differs: will change", className: "govuk-tag--yellow" },
  new: { text: "New", className: "govuk-tag--green" },
  unchanged: { text: "Same", className: "govuk-tag--grey" },
  left: { text: "Not imported", className: "govuk-tag--grey" },
  none: { text: "Not worked out", className: "govuk-tag--grey" },
};

function show(value: number | null | undefined, f: FigureView): string {
  if (value === null || value === undefined) return "";
  return f.unit ? formatTableValue(value, { unit: f.unit, decimals: f.decimals }) : String(value);
}

export function FiguresTable({ figures, caption }: { figures: FigureView[]; caption: string }) {
  return (
    <GovukTable
      caption={caption}
      captionSize="m"
      className="app-annex-a-table"
      scroll={{ label: caption, className: "app-scroll-region--spaced" }}
      rows={figures}
      rowKey={(f) => f.code}
      rowAttributes={(f) => ({ id: `figure-${f.code}` })}
      columns={[
        {
          header: "Indicator",
          rowHeader: true,
          cellClassName: "app-annex-a-table__indicator",
          cell: (f) => (
            <>
              {f.name ?? f.code}
              <span className="govuk-body-s app-annex-a-table__code">
                <code>{f.code}</code>
              </span>
              <details className="govuk-details govuk-!-margin-bottom-0 govuk-!-margin-top-1">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">
                    Rule<span className="govuk-visually-hidden"> for {f.name ?? f.code}</span>
                  </span>
                </summary>
                <div className="govuk-details__text govuk-body-s">{f.rule}</div>
              </details>
            </>
          ),
        },
        { header: "From the lists", numeric: true, cell: (f) => show(f.value, f) },
        { header: "Working", cell: (f) => f.words ?? f.reason },
        {
          header: "Stored now",
          numeric: true,
          cell: (f) => (f.current === null ? "None yet" : f.current.value === null ? "Not available" : show(f.current.value, f)),
        },
        {
          header: "Result",
          cell: (f) => (
            <>
              <strong className={`govuk-tag ${OUTCOME[f.outcome].className}`}>{OUTCOME[f.outcome].text}</strong>
              {f.why && f.outcome !== "none" ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{f.why}</p> : null}
            </>
          ),
        },
      ]}
    />
  );
}
