import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format/dates";
import { findCouncilSetting } from "@/lib/national/council-setting";
import { findNationalOverview } from "@/lib/national/find-national-overview";
import { MAX_NATIONAL_BYTES } from "@/lib/national/parse-national-file";
import { UploadForm } from "../../periods/[period]/import/upload-form";
import { LaNumberForm } from "./national-forms";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { SummaryRow } from "@/components/summary-list";

export const metadata: Metadata = { title: "DfE national data" };

type Props = { searchParams: Promise<{ imported?: string; error?: string }> };

const LAYOUT_NAME: Record<string, string> = {
  lait: "LAIT figures",
  ees: "Explore Education Statistics figures",
  measures: "DfE's measure list",
  neighbours: "Statistical neighbours",
};

export default async function NationalDataPage({ searchParams }: Props) {
  const user = await requirePermission("national.manage");
  const [overview, setting] = await Promise.all([findNationalOverview(user), findCouncilSetting(user)]);
  const { imported, error } = await searchParams;
  const [layout, rows, created, changed, unchanged] = (imported ?? "").split(":");
  const n = (s: string | undefined) => Number(s ?? 0).toLocaleString("en-GB");
  const heading = (
    <>
      <span className="govuk-caption-l">Administration</span>
      <h1 className="govuk-heading-xl">DfE national data</h1>
    </>
  );
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", text: "Administration" }]} />
      {imported && LAYOUT_NAME[layout] ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="imported-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="imported-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {LAYOUT_NAME[layout]} imported: {n(rows)} rows, {n(created)} new, {n(changed)} changed, {n(unchanged)} unchanged
            </p>
          </div>
        </div>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <UploadForm
            action="/api/national-data"
            heading={heading}
            initialError={error?.slice(0, 2000)}
            maxBytes={MAX_NATIONAL_BYTES}
            csvOnly
          >
            <p className="govuk-body">
              England&rsquo;s, each region&rsquo;s and every authority&rsquo;s published figures, from DfE&rsquo;s Local Authority
              Interactive Tool (LAIT) or Explore Education Statistics, to compare the council with. A newer release replaces the figures it
              has for the same measure, area and year; nothing is imported unless every row is correct.
            </p>
            <dl className="govuk-summary-list">
              <SummaryRow label="Measures">{overview.measures.toLocaleString("en-GB")}</SummaryRow>
              <SummaryRow label="Published figures">{overview.figures.toLocaleString("en-GB")}</SummaryRow>
              <SummaryRow label="Authorities with statistical neighbours">
                {overview.authoritiesWithNeighbours.toLocaleString("en-GB")}
              </SummaryRow>
              <SummaryRow label="Indicators linked to a measure">
                {overview.linked} (
                <Link className="govuk-link" href="/admin/national/links">
                  link indicators to measures
                </Link>
                )
              </SummaryRow>
              {overview.lastImport ? (
                <SummaryRow label="Last import">
                  {formatDateTime(overview.lastImport.at)} by {overview.lastImport.actorName}
                </SummaryRow>
              ) : null}
            </dl>
            <h2 className="govuk-heading-s">Which files</h2>
            <ul className="govuk-list govuk-list--bullet">
              <li>
                First DfE&rsquo;s measure list (LAIT&rsquo;s <code>lait-measures.csv</code>: measure_code, polarity, unit_label,
                year_type...).
              </li>
              <li>
                Then the figures: LAIT&rsquo;s long file (<code>measure_code, year, area_name, la_number, region, value</code>), or an
                Explore Education Statistics open-data CSV (<code>time_period, geographic_level, ..., old_la_code</code>, then one column
                per measure, read by name).
              </li>
              <li>
                And the statistical neighbours (<code>la_number, la_name, region, sn1 ... sn10</code>).
              </li>
              <li>Missing figures keep DfE&rsquo;s symbols (- c x z low u k : ~) and are shown as reasons, never as zero.</li>
            </ul>
          </UploadForm>

          <h2 className="govuk-heading-m govuk-!-margin-top-8">The council</h2>
          {setting.laNumber ? (
            <p className="govuk-body">
              DfE number {setting.laNumber}
              {setting.laName ? ` (${setting.laName}, ${setting.region})` : ""}.
              {setting.borrowed
                ? ` This council is fictional: it uses ${setting.laName ?? setting.laNumber}'s statistical neighbours and region, and shows no authority's own figures as its own.`
                : " Its own published figures are shown with their rank and quartile."}
            </p>
          ) : (
            <p className="govuk-body">No DfE number yet: the pack shows England only.</p>
          )}
          <LaNumberForm laNumber={setting.laNumber} borrowed={setting.borrowed} />
        </div>
      </div>
    </>
  );
}
