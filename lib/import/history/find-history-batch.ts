// Reads a history import for its preview and done pages: per month what it does, and the errors.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { isStoredHistory, readStoredHistory } from "@/lib/import/history/stored-history";

export async function findHistoryBatch(actor: SessionUser | null, batchId: string) {
  assertCan(actor, "value.import");
  if (!z.uuid().safeParse(batchId).success) return null;
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: { id: true, periodId: true, fileName: true, status: true, createdByName: true, createdAt: true, committedAt: true, rows: true },
  });
  if (!batch || batch.periodId !== null || !isStoredHistory(batch.rows)) return null;
  const stored = readStoredHistory(batch.rows);
  return {
    id: batch.id,
    fileName: batch.fileName,
    status: batch.status,
    createdByName: batch.createdByName,
    createdAt: batch.createdAt,
    committedAt: batch.committedAt,
    layout: stored.layout,
    counts: stored.counts,
    months: stored.months.map(({ rows: _rows, ...m }) => m),
    errors: stored.months.flatMap((m) => m.rows.flatMap((r) => r.errors ?? [])).sort((a, b) => a.row - b.row),
  };
}

export type HistoryBatchView = NonNullable<Awaited<ReturnType<typeof findHistoryBatch>>>;
