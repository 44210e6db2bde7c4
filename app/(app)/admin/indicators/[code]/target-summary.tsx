// The target in force now and the full history of changes, newest first, with who made each.
import Link from "next/link";
import type { IndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { formatFigure } from "@/lib/catalogue/indicator-labels";
import { addMonths, formatDateTime, formatMonth } from "@/lib/format/dates";
import { GovukTable } from "@/components/govuk-table";

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
      <GovukTable
        caption="Target history, newest first"
        captionSize="s"
        captionId="target-history-caption"
        scroll={{ labelledBy: "target-history-caption", className: "app-scroll-region--spaced" }}
        rows={targets}
        rowKey={(t) => t.id}
        empty="No target has been set."
        columns={[
          { header: "From", rowHeader: true, cell: (t) => formatMonth(t.fromMonth) },
          { header: "Until", cell: (t) => (t.untilMonth ? formatMonth(addMonths(t.untilMonth, -1)) : "No end") },
          { header: "Target", numeric: true, cell: (t) => figure(t.target) },
          {
            header: "Tolerance",
            numeric: true,
            cell: (t) => (t.tolerance === null ? "None" : t.tolerance.toLocaleString("en-GB", { maximumFractionDigits: 3 })),
          },
          {
            header: "Set by",
            cell: (t) => (
              <>
                {t.createdByName ?? "Loaded with the catalogue"}
                <span className="app-table-note">{formatDateTime(t.createdAt)}</span>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
