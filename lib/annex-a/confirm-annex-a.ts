// Preview -> done for an Annex A upload: the computed figures are written all or nothing through the
// import's own path (revisions, compare-and-set, one audit event), each with its provenance. A figure
// the month already holds at the same value keeps its revision and gains the provenance, by
// compare-and-set too. If any value moved since the preview, nothing is written.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockPeriod } from "@/lib/periods/lock-period";
import { recordAudit } from "@/lib/audit/record";
import { findBatchForChange } from "@/lib/import/find-import-batch";
import { sameOutcome } from "@/lib/import/confirm-import";
import { IMPORT_CONFLICT, writeImportValues } from "@/lib/import/write-import-values";
import type { PreviewRow } from "@/lib/import/import-preview";
import { provenanceByCode, readStoredAnnexA } from "@/lib/annex-a/stored-annex-a";
import { planAnnexAWrite } from "@/lib/annex-a/plan-annex-a-write";

export type AnnexAOutcome = { month: string; created: number; changed: number; unchanged: number };

export async function confirmAnnexA(actor: SessionUser | null, batchId: string): Promise<AnnexAOutcome> {
  assertCan(actor, "value.import");
  const batch = await findBatchForChange(batchId);
  if (batch.kind !== "ANNEX_A" || !batch.periodId)
    throw new AppError("NOT_FOUND", "This upload is not an Annex A workbook: confirm it from its own preview.");
  const periodId = batch.periodId;
  const stored = readStoredAnnexA(batch.rows);
  if (stored.rows.some((r) => r.status === "error"))
    throw new AppError(
      "VALIDATION",
      "Some computed figures cannot be stored as they are, so nothing can be imported. Correct the catalogue and upload the lists again.",
    );

  return db.$transaction(
    async (tx) => {
      const period = await lockPeriod(tx, periodId, "figures");
      const claimed = await tx.importBatch.updateMany({
        where: { id: batch.id, status: "PENDING" },
        data: { status: "COMMITTED", committedAt: new Date() },
      });
      if (claimed.count !== 1) throw new AppError("CONFLICT", "This upload has already been imported or discarded.");

      const plan = await planAnnexAWrite(tx, period, stored);
      if (!sameOutcome(stored.rows, plan.previewRows)) throw new AppError("CONFLICT", IMPORT_CONFLICT);
      const byCode = provenanceByCode(stored);
      const provenance = new Map(plan.previewRows.map((r) => [r.indicator!.id, byCode.get(r.indicator!.code)!]));
      const written = await writeImportValues(
        tx,
        actor,
        { periodId, revisedAfterSubmission: period.commentaryFirstSubmittedAt !== null, provenance },
        plan.previewRows,
      );
      const unchanged = plan.previewRows.filter((r) => r.status === "unchanged");
      await markComputed(tx, unchanged, provenance);

      const outcome = { month: period.month, ...written, unchanged: unchanged.length };
      await recordAudit(tx, actor, {
        action: "values.computed_from_annex_a",
        entityType: "ImportBatch",
        entityId: batch.id,
        periodMonth: period.month,
        after: {
          fileName: batch.fileName,
          fileSha256: stored.fileSha256,
          rulesVersion: stored.rulesVersion,
          asAt: stored.asAt,
          coversFrom: stored.coversFrom,
          created: outcome.created,
          changed: outcome.changed,
          unchanged: outcome.unchanged,
          figures: Object.fromEntries(plan.previewRows.map((r) => [r.indicator!.code, r.next!.value])),
        },
      });
      return outcome;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** The values already right gain their provenance, only if no one has changed them since the preview. */
async function markComputed(tx: Tx, rows: PreviewRow[], provenance: Map<string, object>): Promise<void> {
  if (!rows.length) return;
  const ids = rows.map((r) => r.previous!.id);
  const revisions = rows.map((r) => r.previous!.revision);
  const json = rows.map((r) => JSON.stringify(provenance.get(r.indicator!.id)));
  const count = await tx.$executeRaw`
    UPDATE "IndicatorValue" AS v SET provenance = u.provenance::jsonb
    FROM unnest(${ids}::uuid[], ${revisions}::int[], ${json}::text[]) AS u(id, revision, provenance)
    WHERE v.id = u.id AND v.revision = u.revision`;
  if (count !== rows.length) throw new AppError("CONFLICT", IMPORT_CONFLICT);
}
