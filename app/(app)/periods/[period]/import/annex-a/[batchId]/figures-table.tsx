// The computed figures beside the month's values: what each is, its working in words, and what
// confirming does with it. Each result is a word in a tag, so colour only supports it.
import type { FigureView } from "@/lib/annex-a/find-annex-a-preview";
import { formatTableValue } from "@/lib/judgement/format-number";
import { ScrollRegion } from "@/components/scroll-region";

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
    <ScrollRegion label={caption} className="app-scroll-region--spaced">
      <table className="govuk-table app-annex-a-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Indicator
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              From the lists
            </th>
            <th scope="col" className="govuk-table__header">
              Working
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Stored now
            </th>
            <th scope="col" className="govuk-table__header">
              Result
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {figures.map((f) => (
            <tr key={f.code} className="govuk-table__row" id={`figure-${f.code}`}>
              <th scope="row" className="govuk-table__header app-annex-a-table__indicator">
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
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{show(f.value, f)}</td>
              <td className="govuk-table__cell">{f.words ?? f.reason}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {f.current === null ? "None yet" : f.current.value === null ? "Not available" : show(f.current.value, f)}
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${OUTCOME[f.outcome].className}`}>{OUTCOME[f.outcome].text}</strong>
                {f.why && f.outcome !== "none" ? (
                  <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{f.why}</p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
