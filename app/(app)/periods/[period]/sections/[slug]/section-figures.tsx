// The section's figures for the month beside the commentary, so the lead writes from the numbers.
import type { SectionWorkspace } from "@/lib/commentary/load-section-workspace";
import { addMonths, formatShortMonth } from "@/lib/format/dates";

const fmt = (v: number | null, unit: string, decimals: number) =>
  v === null ? "No value" : `${v.toLocaleString("en-GB", { minimumFractionDigits: unit === "COUNT" ? 0 : decimals, maximumFractionDigits: unit === "COUNT" ? 0 : decimals })}${unit === "PERCENT" ? "%" : ""}`;

export function SectionFigures({ month, figures }: { month: string; figures: SectionWorkspace["figures"] }) {
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Figures for {formatShortMonth(month)}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Indicator</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{formatShortMonth(addMonths(month, -1))}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{formatShortMonth(month)}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Target</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {figures.map((f) => (
            <tr key={f.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{f.name}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fmt(f.previous, f.unit, f.decimals)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{f.current === null && f.notAvailableReason ? `Not available: ${f.notAvailableReason}` : fmt(f.current, f.unit, f.decimals)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{f.target === null ? "None" : fmt(f.target, f.unit, f.decimals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
