import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";
import { findAnnexAPreview, type AnnexAPreviewView } from "@/lib/annex-a/find-annex-a-preview";
import { dayOfIso, longDate } from "@/lib/annex-a/calendar";
import { areFiguresEditable } from "@/lib/periods/period-lifecycle";
import { PERIOD_STATUS_LABEL } from "@/lib/periods/period-status";
import { SummaryRow } from "@/components/summary-list";
import { ErrorSummaryPanel } from "@/components/form/error-summary";
import { Pagination } from "@/components/pagination";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ConfirmationPanel } from "@/components/confirmation-panel";
import { PreviewActions } from "../../[batchId]/preview-actions";
import { confirmAnnexAAction } from "./actions";
import { FiguresTable } from "./figures-table";
import { QualityReport } from "./quality-report";

type Props = { params: Promise<{ period: string; batchId: string }>; searchParams: Promise<{ page?: string | string[] }> };

const loadPreview = cache(async (month: string, batchId: string, page: number) =>
  findAnnexAPreview(await requirePermission("value.import"), month, batchId, page),
);
const pageFrom = (param: string | string[] | undefined) => Number(typeof param === "string" ? param : "1");
const n = (x: number) => x.toLocaleString("en-GB");
const date = (iso: string) => longDate(dayOfIso(iso));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { period: month, batchId } = await params;
  const user = await getCurrentUser();
  const preview =
    isMonth(month) && can(user?.role, "value.import") ? await loadPreview(month, batchId, pageFrom((await searchParams).page)) : null;
  const failed = preview?.status === "PENDING" && preview.figures.some((f) => f.outcome === "error");
  return {
    title: preview ? `${failed ? "Error: " : ""}${headingFor(preview)}: ${formatMonth(month)}` : "Compute figures from Annex A lists",
  };
}

function headingFor(p: AnnexAPreviewView): string {
  if (p.status === "COMMITTED") return "Computed figures imported";
  if (p.status === "DISCARDED") return "Upload set aside";
  return "Check the figures from the Annex A lists";
}

export default async function AnnexAPreviewPage({ params, searchParams }: Props) {
  const { period: month, batchId } = await params;
  const preview = await loadPreview(month, batchId, pageFrom((await searchParams).page));
  if (!preview) notFound();
  const name = formatMonth(month);
  const breadcrumbs = (
    <Breadcrumbs
      items={[
        { href: "/periods", text: "Periods" },
        { href: `/periods/${month}`, text: name },
        { href: `/periods/${month}/import`, text: "Import values" },
      ]}
    />
  );
  const counts = { new: 0, changed: 0, unchanged: 0, error: 0, left: 0, none: 0 };
  for (const f of preview.figures) counts[f.outcome]++;
  const toWrite = counts.new + counts.changed;
  const errors = preview.figures.filter((f) => f.outcome === "error");
  const editable = areFiguresEditable(preview.period.status);
  const { about, quality } = preview;
  const pageHref = (p: number) => `/periods/${month}/import/annex-a/${preview.id}${p === 1 ? "" : `?page=${p}`}#quality`;

  if (preview.status === "DISCARDED") {
    return (
      <>
        {breadcrumbs}
        <h1 className="govuk-heading-xl">{headingFor(preview)}</h1>
        <p className="govuk-body">The figures from {preview.fileName} were not imported: the upload was set aside.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/periods/${month}/import/annex-a`}>
            Upload Annex A lists for {name}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      {breadcrumbs}
      {preview.status === "COMMITTED" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ConfirmationPanel title="Computed figures imported">for {name}</ConfirmationPanel>
            <p className="govuk-body">
              {n(counts.new)} new and {n(counts.changed)} changed
              {counts.unchanged ? `; ${n(counts.unchanged)} already matched and are now marked as computed` : ""}.
              {preview.committedAt ? ` Imported ${formatDateTime(preview.committedAt)}.` : ""} Each keeps where it came from, shown with the
              value and in the pack&rsquo;s definitions.
            </p>
            <p className="govuk-body">
              <a className="govuk-link" href={`/periods/${month}/values`}>
                Check the values for {name}
              </a>
            </p>
          </div>
        </div>
      ) : (
        <>
          {errors.length ? (
            <ErrorSummaryPanel items={errors.map((f) => ({ href: `#figure-${f.code}`, text: `${f.name ?? f.code}: ${f.why}` }))} />
          ) : null}
          <span className="govuk-caption-l">Annex A lists for {name}</span>
          <h1 className="govuk-heading-xl">{headingFor(preview)}</h1>
        </>
      )}
      <dl className="govuk-summary-list">
        <SummaryRow label="File">{preview.fileName}</SummaryRow>
        <SummaryRow label="SHA-256 fingerprint">
          <code className="app-break-anywhere">{about.fileSha256}</code>
        </SummaryRow>
        <SummaryRow label="Lists as at">{date(about.asAt)}</SummaryRow>
        <SummaryRow label="Lists cover from">{date(about.coversFrom)}</SummaryRow>
        <SummaryRow label="Children aged 0 to 17">
          {about.population ? `${n(about.population.count)} (${about.population.year} estimate)` : "None recorded: rates are left out"}
        </SummaryRow>
        <SummaryRow label="Rules version">{about.rulesVersion}</SummaryRow>
        <SummaryRow label="Uploaded">
          {formatDateTime(preview.createdAt)} by {preview.createdByName}
        </SummaryRow>
        <SummaryRow label="Figures worked out">
          {n(preview.figures.length - counts.none)} of {n(preview.figures.length)}
        </SummaryRow>
      </dl>
      {preview.status === "PENDING" ? (
        <>
          {!editable ? (
            <div className="govuk-inset-text">
              This month&rsquo;s pack is now {PERIOD_STATUS_LABEL[preview.period.status].toLowerCase()}, so its figures cannot change and
              these figures cannot be imported.
            </div>
          ) : errors.length ? (
            <p className="govuk-body">Nothing has been imported. The figures listed above cannot be stored as the catalogue stands.</p>
          ) : (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Nothing has been imported yet. Confirming writes {n(toWrite)} values together ({n(counts.new)} new, {n(counts.changed)}{" "}
                changed)
                {counts.unchanged ? ` and marks ${n(counts.unchanged)} that already match as computed` : ""}, or does nothing if any of
                these values changes before you confirm.
              </strong>
            </div>
          )}
          <PreviewActions
            batchId={preview.id}
            canConfirm={editable && preview.canConfirm}
            rowsToWrite={toWrite + counts.unchanged}
            confirmAction={confirmAnnexAAction}
            confirmLabel="Confirm the computed figures"
          />
        </>
      ) : null}
      <FiguresTable figures={preview.figures.filter((f) => f.outcome !== "none")} caption="Figures from the lists" />
      <h2 className="govuk-heading-m">Figures the lists cannot give</h2>
      <p className="govuk-body">These stay as they are: typed in or imported.</p>
      <ul className="govuk-list govuk-list--bullet">
        {preview.figures
          .filter((f) => f.outcome === "none")
          .map((f) => (
            <li key={f.code}>
              {f.name ?? f.code}: {f.reason}
            </li>
          ))}
        {preview.notFromAnnexA.map((f) => (
          <li key={f.code}>
            {f.name ?? f.code}: {f.reason}
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m" id="quality">
        Data quality
      </h2>
      <QualityReport quality={quality} />
      <Pagination label="Pages of problems found in the lists" page={quality.page} pageCount={quality.pageCount} hrefFor={pageHref} />
    </>
  );
}
