// The target in force now and the full history of changes, newest first, with who made each.
import Link from "next/link";
import type { IndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { formatFigure } from "@/lib/catalogue/indicator-labels";
import { addMonths, formatDateTime, formatMonth } from "@/lib/format/dates";
import { TableHead } from "@/components/table-head";

export function TargetSummary({ indicator }: { indicator: IndicatorForEdit }) {
  const { inForce, targets, unit, decimals } = indicator;
  const figure = (v: number | null) => (v === null ? "None" : formatFigure(v, unit, decimals));
  return (
    <section aria-labelledby="target" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="target">
        Target
      </h2>
      <p className="govuk-body">
        {inForce?.target != null ? (
          <>
            In force for {formatMonth(indicator.month)}: <strong>{figure(inForce.target)}</strong>
            {inForce.tolerance != null ? (
              <>, with a tolerance of {inForce.tolerance.toLocaleString("en-GB", { maximumFractionDigits: 3 })}</>
            ) : null}
            .
          </>
        ) : (
          <>No target is in force for {formatMonth(indicator.month)}.</>
        )}
      </p>
      {indicator.polarity === "NEITHER" ? (
        <div className="govuk-inset-text">This is a context measure with no better direction, so it is not judged against a target.</div>
      ) : null}
      <p className="govuk-body">
        A change applies from the month you choose onwards. Earlier months keep the target they had, and the history below is never
        rewritten.
      </p>
      <Link
        href={`/admin/indicators/${indicator.code}/target`}
        role="button"
        draggable={false}
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Change the target
      </Link>
      {targets.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Target history, newest first</caption>
          <TableHead columns={["From", "Until", { text: "Target", numeric: true }, { text: "Tolerance", numeric: true }, "Set by"]} />
          <tbody className="govuk-table__body">
            {targets.map((t) => (
              <tr key={t.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {formatMonth(t.fromMonth)}
                </th>
                <td className="govuk-table__cell">{t.untilMonth ? formatMonth(addMonths(t.untilMonth, -1)) : "No end"}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{figure(t.target)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {t.tolerance === null ? "None" : t.tolerance.toLocaleString("en-GB", { maximumFractionDigits: 3 })}
                </td>
                <td className="govuk-table__cell">
                  {t.createdByName ?? "Loaded with the catalogue"}
                  <span className="app-table-note">{formatDateTime(t.createdAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">No target has been set.</p>
      )}
    </section>
  );
}
