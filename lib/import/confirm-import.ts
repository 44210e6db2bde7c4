// Preview -> done: commits a previewed file all or nothing. The rows are validated again against the
// data as it is now; if anything moved since the preview, nothing is written and the person uploads
// again. A double click commits once: the batch goes PENDING -> COMMITTED by compare-and-set.
import "server-only";
import { db, forgetQueryArguments } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockPeriod } from "@/lib/periods/lock-period";
import { recordAudit } from "@/lib/audit/record";
import type { PreviewRow } from "@/lib/import/import-preview";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { loadCatalogue, loadExistingValues } from "@/lib/import/load-import-context";
import { rawRowsOf, readStoredPreview, storedErrors, type StoredRow } from "@/lib/import/stored-preview";
import { IMPORT_CONFLICT, writeImportValues } from "@/lib/import/write-import-values";
import { findBatchForChange } from "@/lib/import/find-import-batch";

export type ImportOutcome = { month: string; created: number; changed: number; unchanged: number };

export async function confirmImport(actor: SessionUser | null, batchId: string): Promise<ImportOutcome> {
  assertCan(actor, "value.import");
  const batch = await findBatchForChange(batchId);
  if (!batch.periodId) throw new AppError("NOT_FOUND", "This upload is a history import: confirm it from the history import page.");
  if (batch.kind !== "FILE") throw new AppError("NOT_FOUND", "This upload is an Annex A workbook: confirm it from its own preview.");
  const periodId = batch.periodId;
  const preview = readStoredPreview(batch.rows);
  if (storedErrors(preview).length > 0)
    throw new AppError("VALIDATION", "This file has errors, so it cannot be imported. Correct them and upload the file again.");

  return db
    .$transaction(
      async (tx) => {
        // A sign-off waits until this import has committed, or it froze the pack first and this is refused.
        const period = await lockPeriod(tx, periodId, "figures");

        const claimed = await tx.importBatch.updateMany({
          where: { id: batch.id, status: "PENDING" },
          data: { status: "COMMITTED", committedAt: new Date() },
        });
        if (claimed.count !== 1) throw new AppError("CONFLICT", "This upload has already been imported or discarded.");

        // One connection: queries in a transaction run one after another.
        const catalogue = await loadCatalogue(tx);
        const existing = await loadExistingValues(tx, periodId);
        const again = validateImportRows({
          table: { kind: preview.kind, layout: preview.layout, headers: preview.headers, rows: rawRowsOf(preview) },
          month: period.month,
          catalogue,
          existing,
        });
        if (!again.ok || again.preview.errors.length > 0 || !sameOutcome(preview.rows, again.preview.rows))
          throw new AppError("CONFLICT", IMPORT_CONFLICT);

        const rows = again.preview.rows;
        const written = await writeImportValues(
          tx,
          actor,
          { periodId, revisedAfterSubmission: period.commentaryFirstSubmittedAt !== null },
          rows,
        );
        const outcome = { month: period.month, ...written, unchanged: again.preview.counts.unchanged };
        await recordAudit(tx, actor, {
          action: "values.imported",
          entityType: "ImportBatch",
          entityId: batch.id,
          periodMonth: period.month,
          after: {
            fileName: batch.fileName,
            created: outcome.created,
            changed: outcome.changed,
            unchanged: outcome.unchanged,
            skippedOtherMonths: preview.skipped.rows,
          },
        });
        return outcome;
      },
      { maxWait: 10_000, timeout: 120_000 },
    )
    .finally(forgetQueryArguments); // the rows sent, held by Prisma's debug log (lib/db.ts)
}

/** The confirmation writes what the preview showed, or nothing. */
export function sameOutcome(before: StoredRow[], now: PreviewRow[]): boolean {
  if (before.length !== now.length) return false;
  return before.every((b, i) => {
    const n = now[i];
    return (
      b.status === n.status &&
      (b.indicatorId ?? null) === (n.indicator?.id ?? null) &&
      (b.previous?.id ?? null) === (n.previous?.id ?? null) &&
      (b.previous?.revision ?? 0) === (n.previous?.revision ?? 0) &&
      b.next?.value === n.next?.value &&
      b.next?.notAvailableReason === n.next?.notAvailableReason &&
      b.next?.note === n.next?.note
    );
  });
}
