import { SummaryRow } from "@/components/summary-list";
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";
import { findImportBatch, PREVIEW_ROWS_PER_PAGE, type ImportBatchView } from "@/lib/import/find-import-batch";
import { areFiguresEditable } from "@/lib/periods/period-lifecycle";
import { PERIOD_STATUS_LABEL } from "@/lib/periods/period-status";
import { PreviewActions } from "./preview-actions";
import { PreviewTable, rowAnchor } from "./preview-table";
import { ErrorSummaryPanel } from "@/components/form/error-summary";
import { Pagination } from "@/components/pagination";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ConfirmationPanel } from "@/components/confirmation-panel";

type Props = { params: Promise<{ period: string; batchId: string }>; searchParams: Promise<{ page?: string | string[] }> };

const loadBatch = cache(async (month: string, batchId: string, page: number) =>
  findImportBatch(await requirePermission("value.import"), month, batchId, page),
);
const pageFrom = (param: string | string[] | undefined) => Number(typeof param === "string" ? param : "1");

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { period: month, batchId } = await params;
  const { page } = await searchParams;
  const user = await getCurrentUser();
  const batch = isMonth(month) && can(user?.role, "value.import") ? await loadBatch(month, batchId, pageFrom(page)) : null;
  // GOV.UK: a page that reports errors starts its title with "Error: ".
  const failed = batch?.status === "PENDING" && batch.preview.errorCount > 0;
  return { title: batch ? `${failed ? "Error: " : ""}${headingFor(batch)}: ${formatMonth(month)}` : "Import values" };
}

function headingFor(batch: ImportBatchView): string {
  if (batch.status === "COMMITTED") return "Values imported";
  if (batch.status === "DISCARDED") return "Upload set aside";
  return batch.preview.errorCount ? "There are errors in your file" : "Check your file";
}

export default async function ImportPreviewPage({ params, searchParams }: Props) {
  const { period: month, batchId } = await params;
  const { page: pageParam } = await searchParams;
  const batch = await loadBatch(month, batchId, pageFrom(pageParam));
  if (!batch) notFound();
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
  if (batch.status === "COMMITTED")
    return (
      <>
        {breadcrumbs}
        <Done batch={batch} month={month} />
      </>
    );
  if (batch.status === "DISCARDED") {
    return (
      <>
        {breadcrumbs}
        <h1 className="govuk-heading-xl">{headingFor(batch)}</h1>
        <p className="govuk-body">{batch.fileName} was not imported: it was set aside so that a different file could be uploaded.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/periods/${month}/import`}>
            Upload a file for {name}
          </a>
        </p>
      </>
    );
  }

  const { counts, errors: listed, errorCount, skipped, page, pageCount } = batch.preview;
  const editable = areFiguresEditable(batch.period.status);
  const toWrite = counts.new + counts.changed;
  const pageHref = (n: number) => `/periods/${month}/import/${batch.id}${n === 1 ? "" : `?page=${n}`}`;
  // An error's row may be on another page of the table: its link goes there.
  const errorHref = (e: (typeof listed)[number]) => `${e.page === page ? "" : pageHref(e.page)}#${rowAnchor(e.row)}`;
  return (
    <>
      {breadcrumbs}
      {errorCount ? (
        <ErrorSummaryPanel items={listed.map((e) => ({ href: errorHref(e), text: e.message }))}>
          {errorCount > listed.length ? (
            <p className="govuk-body">
              and {(errorCount - listed.length).toLocaleString("en-GB")} more: every row with an error comes first in the table below, a
              page at a time.
            </p>
          ) : null}
        </ErrorSummaryPanel>
      ) : null}
      <span className="govuk-caption-l">Import values for {name}</span>
      <h1 className="govuk-heading-xl">{headingFor(batch)}</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label="File">{batch.fileName}</SummaryRow>
        {batch.preview.encoding ? <SummaryRow label="Text encoding">{batch.preview.encoding}</SummaryRow> : null}
        <SummaryRow label="Uploaded">
          {formatDateTime(batch.createdAt)} by {batch.createdByName}
        </SummaryRow>
        <SummaryRow label="New values">{counts.new}</SummaryRow>
        <SummaryRow label="Changed values">{counts.changed}</SummaryRow>
        <SummaryRow label="Unchanged">{counts.unchanged}</SummaryRow>
        <SummaryRow label="Rows with errors">{counts.error}</SummaryRow>
        {skipped.rows > 0 ? (
          <SummaryRow label="Rows for other months">
            {skipped.rows.toLocaleString("en-GB")}, left out ({describeMonths(skipped.months)}). This import only changes {name}.
          </SummaryRow>
        ) : null}
      </dl>
      {!editable ? (
        <div className="govuk-inset-text">
          This month&rsquo;s pack is now {PERIOD_STATUS_LABEL[batch.period.status].toLowerCase()}, so its figures cannot change and this
          file cannot be imported.
        </div>
      ) : errorCount ? (
        <p className="govuk-body">
          Nothing has been imported. Correct {counts.error === 1 ? "the row" : `the ${counts.error.toLocaleString("en-GB")} rows`} listed
          above in your file, then upload it again.
        </p>
      ) : toWrite === 0 ? (
        <p className="govuk-body">Every value in this file is already stored, so there is nothing to import.</p>
      ) : (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Nothing has been imported yet. Confirming imports all {toWrite.toLocaleString("en-GB")} values together (
            {counts.new.toLocaleString("en-GB")} new, {counts.changed.toLocaleString("en-GB")} changed), or none of them if any of these
            values changes before you confirm.
          </strong>
        </div>
      )}
      <PreviewActions batchId={batch.id} canConfirm={editable && errorCount === 0 && toWrite > 0} rowsToWrite={toWrite} />
      <PreviewTable rows={batch.preview.rows} first={(page - 1) * PREVIEW_ROWS_PER_PAGE} total={batch.preview.rowCount} />
      <Pagination label="Pages of rows in the file" page={page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}

function Done({ batch, month }: { batch: ImportBatchView; month: string }) {
  const { counts } = batch.preview;
  const imported = counts.new + counts.changed;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfirmationPanel title={`${imported.toLocaleString("en-GB")} value${imported === 1 ? "" : "s"} imported`}>
          for {formatMonth(month)}
        </ConfirmationPanel>
        <p className="govuk-body">
          {counts.new.toLocaleString("en-GB")} new and {counts.changed.toLocaleString("en-GB")} changed from {batch.fileName}
          {counts.unchanged ? `; ${counts.unchanged.toLocaleString("en-GB")} already matched what was stored` : ""}.
          {batch.committedAt ? ` Imported ${formatDateTime(batch.committedAt)}.` : ""}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/periods/${month}/values`}>
            Check the values for {formatMonth(month)}
          </a>
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/periods/${month}`}>
            Back to {formatMonth(month)}
          </a>
        </p>
      </div>
    </div>
  );
}

function describeMonths(months: string[]): string {
  if (months.length <= 3) return months.map(formatMonth).join(", ");
  return `${months.length} months from ${formatMonth(months[0])} to ${formatMonth(months[months.length - 1])}`;
}
