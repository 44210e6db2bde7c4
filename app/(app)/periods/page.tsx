import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { listPeriods, suggestNextMonth } from "@/lib/periods/list-periods";
import { PERIOD_STATUS_LABEL, PERIOD_STATUS_TAG_CLASS } from "@/lib/periods/period-status";
import { OpenPeriodForm } from "./open-period-form";
import { GovukTable } from "@/components/govuk-table";

export const metadata: Metadata = { title: "Periods" };

export default async function PeriodsPage() {
  const user = await requirePermission("period.view");
  const periods = await listPeriods(user);
  const mayOpen = can(user.role, "period.open");
  return (
    <>
      <h1 className="govuk-heading-xl">Periods</h1>
      <p className="govuk-body">Each period is one month of figures and commentary for the scrutiny panel.</p>
      {mayOpen ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <OpenPeriodForm suggestedMonth={suggestNextMonth(periods[0]?.month)} />
            <p className="govuk-body">
              <Link className="govuk-link" href="/periods/calendar">
                Enter a year of panel dates at once
              </Link>
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" href="/periods/history-import">
                Import figures for many months
              </Link>
              : a year or two of history in one file, before the first month opened here.
            </p>
          </div>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">All periods</h2>
      <GovukTable
        caption="All periods, newest first"
        captionHidden
        captionId="periods-caption"
        scroll={{ labelledBy: "periods-caption", className: "app-scroll-region--spaced" }}
        rows={periods}
        rowKey={(p) => p.month}
        empty="No periods have been opened yet."
        columns={[
          {
            header: "Month",
            rowHeader: true,
            cell: (p) => (
              <a className="govuk-link" href={`/periods/${p.month}`}>
                {formatMonth(p.month)}
              </a>
            ),
          },
          { header: "Panel meeting", cell: (p) => (p.panelMeetingDate ? formatDate(p.panelMeetingDate) : "None") },
          {
            header: "Status",
            cell: (p) => <strong className={`govuk-tag ${PERIOD_STATUS_TAG_CLASS[p.status]}`}>{PERIOD_STATUS_LABEL[p.status]}</strong>,
          },
          {
            header: "Values",
            cell: (p) => (
              <>
                {p.withValue} of {p.indicators}
                {p.notAvailable > 0 ? <span className="app-secondary-text"> ({p.notAvailable} not available)</span> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
