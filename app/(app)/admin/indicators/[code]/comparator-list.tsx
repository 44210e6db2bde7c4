// The published figures the pack sets beside this indicator, such as England 2018-19.
import Link from "next/link";
import type { IndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { formatComparator } from "@/lib/catalogue/indicator-labels";
import { GovukTable } from "@/components/govuk-table";

export function ComparatorList({ indicator }: { indicator: IndicatorForEdit }) {
  const base = `/admin/indicators/${indicator.code}/comparators`;
  return (
    <section aria-labelledby="comparators" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="comparators">
        Comparators
      </h2>
      <GovukTable
        caption={`Comparators for ${indicator.name}`}
        captionHidden
        scroll={{ label: "Comparators", className: "app-scroll-region--spaced" }}
        rows={indicator.comparators}
        rowKey={(c) => c.id}
        empty="This indicator has no comparators."
        columns={[
          { header: "Comparator", rowHeader: true, cell: (c) => c.label },
          { header: "Period", cell: (c) => c.periodLabel },
          { header: "Value", numeric: true, cell: (c) => formatComparator(c.value, indicator.unit, indicator.decimals) },
          {
            header: "Source",
            cell: (c) => (
              <>
                {c.source ?? <span className="app-muted">Not given</span>}
                {c.notes ? <span className="app-table-note">{c.notes}</span> : null}
              </>
            ),
          },
          {
            header: <span className="govuk-visually-hidden">Actions</span>,
            cell: (c) => (
              <Link className="govuk-link" href={`${base}/${c.id}`}>
                Change
                <span className="govuk-visually-hidden">
                  {" "}
                  {c.label} {c.periodLabel}
                </span>
              </Link>
            ),
          },
        ]}
      />
      <Link
        href={`${base}/new`}
        role="button"
        draggable={false}
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Add a comparator
      </Link>
    </section>
  );
}
