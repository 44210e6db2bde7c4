import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { indicatorNameForTitle } from "@/lib/page-names";
import { formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";
import { formatValue } from "@/lib/judgement/format-number";
import { findValueHistory } from "@/lib/values/find-value-history";
import { describeProvenance } from "@/lib/annex-a/provenance";
import { dayOfIso, longDate } from "@/lib/annex-a/calendar";
import { GovukTable } from "@/components/govuk-table";

type Props = { params: Promise<{ period: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period, code } = await params;
  const name = await indicatorNameForTitle(await getCurrentUser(), decodeURIComponent(code));
  return { title: `${name ? `${name}: value history` : "Value history"}${isMonth(period) ? `, ${formatMonth(period)}` : ""}` };
}

export default async function ValueHistoryPage({ params }: Props) {
  const user = await requirePermission("period.view");
  const { period: month, code } = await params;
  const h = await findValueHistory(user, month, decodeURIComponent(code));
  if (!h) notFound();
  const { indicator, value, provenance } = h;
  const show = (n: number | null, reason: string | null) =>
    n !== null ? formatValue(n, indicator) : reason ? `Not available: ${reason}` : "No value";

  return (
    <>
      <a href={`/periods/${month}/values#row-${indicator.code}`} className="govuk-back-link">
        Back to values for {formatMonth(month)}
      </a>
      <span className="govuk-caption-l">
        {formatMonth(month)}, {indicator.section.name}
      </span>
      <h1 className="govuk-heading-xl">{indicator.name}</h1>
      {!value ? (
        <p className="govuk-body">No figure has been entered for {formatMonth(month)} yet.</p>
      ) : (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Figure now</dt>
              <dd className="govuk-summary-list__value">
                {show(value.value, value.notAvailableReason)}
                {value.revisedAfterSubmission ? (
                  <>
                    {" "}
                    <strong className="govuk-tag govuk-tag--yellow">Revised</strong>
                    <span className="govuk-visually-hidden"> after commentary was first submitted</span>
                  </>
                ) : null}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Last changed</dt>
              <dd className="govuk-summary-list__value">
                {formatDateTime(value.updatedAt)} by {value.updatedByName} ({value.source === "IMPORT" ? "imported" : "entered"})
              </dd>
            </div>
            {provenance ? (
              <>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Where it came from</dt>
                  <dd className="govuk-summary-list__value">
                    {describeProvenance(provenance)}, covering from {longDate(dayOfIso(provenance.coversFrom))}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Working</dt>
                  <dd className="govuk-summary-list__value">{provenance.words}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Rule</dt>
                  <dd className="govuk-summary-list__value">{provenance.rule}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">File SHA-256</dt>
                  <dd className="govuk-summary-list__value">
                    <code className="app-break-anywhere">{provenance.fileSha256}</code>
                  </dd>
                </div>
              </>
            ) : null}
          </dl>
          <h2 className="govuk-heading-m">Changes</h2>
          <GovukTable
            caption={`Changes to ${indicator.name}, newest first`}
            captionHidden
            captionId="changes-caption"
            scroll={{ labelledBy: "changes-caption", className: "app-scroll-region--spaced" }}
            rows={value.revisions}
            rowKey={(r) => r.id}
            empty="No changes are recorded: the figure was loaded with the council’s history."
            columns={[
              { header: "When", cell: (r) => formatDateTime(r.createdAt) },
              { header: "Who", cell: (r) => r.actorName },
              {
                header: "From",
                cell: (r) =>
                  r.revision === 1 && r.oldValue === null && !r.oldNotAvailableReason
                    ? "No value"
                    : show(r.oldValue, r.oldNotAvailableReason),
              },
              { header: "To", cell: (r) => show(r.newValue, r.newNotAvailableReason) },
              { header: "How", cell: (r) => (r.source === "IMPORT" ? "Imported" : "Entered") },
            ]}
          />
        </>
      )}
    </>
  );
}
