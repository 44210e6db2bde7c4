import Link from "next/link";
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDateTime, formatMonth } from "@/lib/format/dates";
import { findHistoryBatch, type HistoryBatchView } from "@/lib/import/history/find-history-batch";
import type { MonthAction } from "@/lib/import/history/plan-history-import";
import { PreviewActions } from "../../[period]/import/[batchId]/preview-actions";
import { confirmHistoryImportAction } from "./actions";
import { ErrorSummaryPanel } from "@/components/form/error-summary";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { GovukTable } from "@/components/govuk-table";
import { SummaryRow } from "@/components/summary-list";

type Props = { params: Promise<{ batchId: string }> };

const MAX_ERRORS_LISTED = 1_000;
const loadBatch = cache(async (batchId: string) => findHistoryBatch(await requirePermission("value.import"), batchId));

const ACTION_TEXT: Record<MonthAction, string> = {
  "create-history": "New history month",
  history: "History month: figures corrected",
  open: "Open month",
  refused: "Refused",
};

function headingFor(batch: HistoryBatchView): string {
  if (batch.status === "COMMITTED") return "Figures imported";
  if (batch.status === "DISCARDED") return "Upload set aside";
  return batch.errors.length ? "There are errors in your file" : "Check your file";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const batch = await loadBatch((await params).batchId);
  return { title: batch ? `${headingFor(batch)}: import figures for many months` : "Import figures for many months" };
}

const errorAnchor = (i: number) => `history-error-${i}`;

export default async function HistoryPreviewPage({ params }: Props) {
  const batch = await loadBatch((await params).batchId);
  if (!batch) notFound();
  const months = batch.months.filter((m) => m.month !== "");
  const toWrite = batch.counts.new + batch.counts.changed;
  const listed = batch.errors.slice(0, MAX_ERRORS_LISTED);
  const committed = batch.status === "COMMITTED";
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/periods", text: "Periods" },
          { href: "/periods/history-import", text: "Import figures for many months" },
        ]}
      />
      {batch.status === "PENDING" && listed.length ? (
        <ErrorSummaryPanel items={listed.map((e, i) => ({ href: `#${errorAnchor(i)}`, text: e.message }))}>
          {batch.errors.length > listed.length ? (
            <p className="govuk-body">
              and {(batch.errors.length - listed.length).toLocaleString("en-GB")} more. Correct these first, then upload the file again to
              see the rest.
            </p>
          ) : null}
        </ErrorSummaryPanel>
      ) : null}
      {committed ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">
            {toWrite.toLocaleString("en-GB")} value{toWrite === 1 ? "" : "s"} imported
          </h1>
          <div className="govuk-panel__body">
            into {months.length} month{months.length === 1 ? "" : "s"}
          </div>
        </div>
      ) : (
        <>
          <span className="govuk-caption-l">Import figures for many months</span>
          <h1 className="govuk-heading-xl">{headingFor(batch)}</h1>
        </>
      )}
      <dl className="govuk-summary-list">
        <SummaryRow label="File">{batch.fileName}</SummaryRow>
        <SummaryRow label="Uploaded">
          {formatDateTime(batch.createdAt)} by {batch.createdByName}
        </SummaryRow>
        {committed && batch.committedAt ? <SummaryRow label="Imported">{formatDateTime(batch.committedAt)}</SummaryRow> : null}
        <SummaryRow label="Months">
          {months.length ? `${months.length}, ${formatMonth(months[0].month)} to ${formatMonth(months[months.length - 1].month)}` : "None"}
        </SummaryRow>
      </dl>
      {batch.status === "DISCARDED" ? (
        <p className="govuk-body">
          {batch.fileName} was not imported: it was set aside.{" "}
          <Link className="govuk-link" href="/periods/history-import">
            Upload a file
          </Link>
        </p>
      ) : batch.status === "PENDING" ? (
        batch.errors.length ? (
          <p className="govuk-body">Nothing has been imported. Correct the rows listed in your file, then upload it again.</p>
        ) : toWrite === 0 ? (
          <p className="govuk-body">Every value in this file is already stored, so there is nothing to import.</p>
        ) : (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Nothing has been imported yet. Confirming imports all {toWrite.toLocaleString("en-GB")} values into {months.length} months
              together, or none of them if anything changes before you confirm.
            </strong>
          </div>
        )
      ) : null}
      {batch.status === "PENDING" ? (
        <PreviewActions
          batchId={batch.id}
          canConfirm={batch.errors.length === 0 && toWrite > 0}
          rowsToWrite={toWrite}
          confirmAction={confirmHistoryImportAction}
          confirmLabel={`Confirm import of ${months.length} month${months.length === 1 ? "" : "s"}`}
        />
      ) : null}

      <GovukTable
        caption={committed ? "What was imported, month by month" : "What the import would do, month by month"}
        captionSize="m"
        captionId="history-months-caption"
        scroll={{ labelledBy: "history-months-caption" }}
        rows={batch.months}
        rowKey={(m) => m.month || "unreadable"}
        columns={[
          { header: "Month", rowHeader: true, cell: (m) => (m.month ? formatMonth(m.month) : "Month not readable") },
          { header: "What happens", cell: (m) => ACTION_TEXT[m.action] },
          { header: "New", numeric: true, cell: (m) => m.counts.new },
          { header: "Changed", numeric: true, cell: (m) => m.counts.changed },
          { header: "Unchanged", numeric: true, cell: (m) => m.counts.unchanged },
          { header: "Errors", numeric: true, cell: (m) => m.counts.error },
        ]}
      />
      {listed.length && batch.status === "PENDING" ? (
        <>
          <h2 className="govuk-heading-m">Errors</h2>
          <ul className="govuk-list govuk-list--bullet">
            {listed.map((e, i) => (
              <li key={i} id={errorAnchor(i)} tabIndex={-1}>
                {e.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {committed ? (
        <p className="govuk-body">
          <Link className="govuk-link" href="/periods">
            Back to periods
          </Link>
        </p>
      ) : null}
    </>
  );
}
