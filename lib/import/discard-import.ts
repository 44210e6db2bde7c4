// "Upload a different file": the pending preview is set aside so it can no longer be confirmed.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { findBatchForChange } from "@/lib/import/find-import-batch";

export async function discardImport(actor: SessionUser | null, batchId: string): Promise<{ month: string | null }> {
  assertCan(actor, "value.import");
  const batch = await findBatchForChange(batchId);
  return db.$transaction(async (tx) => {
    const claimed = await tx.importBatch.updateMany({ where: { id: batch.id, status: "PENDING" }, data: { status: "DISCARDED" } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "This upload has already been imported or discarded.");
    await recordAudit(tx, actor, {
      action: "values.import_discarded",
      entityType: "ImportBatch",
      entityId: batch.id,
      periodMonth: batch.period?.month ?? null,
      after: { fileName: batch.fileName },
    });
    // A history import spans many months and belongs to none.
    return { month: batch.period?.month ?? null };
  });
}
