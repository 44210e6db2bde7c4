// Reads an upload for the preview and done pages, and for the functions that confirm or discard it.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { readStoredPreview, storedErrors, type StoredRow } from "@/lib/import/stored-preview";
import type { PreviewIndicator } from "@/lib/import/import-preview";

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** The upload as its page shows it, or null when there is none for that month. */
export async function findImportBatch(actor: SessionUser | null, month: string, batchId: string) {
  assertCan(actor, "value.import");
  if (!isUuid(batchId)) return null;
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true, fileName: true, status: true, createdByName: true, createdAt: true, committedAt: true, rows: true,
      period: { select: { month: true, status: true } },
    },
  });
  if (!batch || !batch.period || batch.period.month !== month) return null;
  const { rows, period, ...rest } = batch;
  const preview = readStoredPreview(rows);
  const ids = [...new Set(preview.rows.flatMap((r) => (r.indicatorId ? [r.indicatorId] : [])))];
  const indicators = new Map<string, PreviewIndicator>(
    (await db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true, unit: true, decimals: true } })).map((i) => [i.id, i]),
  );
  const { rows: storedRows, ...summary } = preview;
  return {
    ...rest,
    period,
    preview: { ...summary, errors: storedErrors(preview), rows: storedRows.map((r): ImportRowView => ({ ...r, indicator: r.indicatorId ? indicators.get(r.indicatorId) ?? null : null })) },
  };
}

/** A row as the preview page shows it: what the file said, what it would do, and the indicator. */
export type ImportRowView = StoredRow & { indicator: PreviewIndicator | null };
export type ImportBatchView = NonNullable<Awaited<ReturnType<typeof findImportBatch>>>;

/** For confirm and discard: the pending upload, or a message saying why it cannot change. */
export async function findBatchForChange(batchId: string) {
  const batch = isUuid(batchId) ? await db.importBatch.findUnique({ where: { id: batchId }, include: { period: { select: { month: true } } } }) : null;
  if (!batch) throw new AppError("NOT_FOUND", "This upload could not be found. Upload the file again.");
  if (batch.status === "COMMITTED") throw new AppError("CONFLICT", "This file has already been imported.");
  if (batch.status === "DISCARDED") throw new AppError("CONFLICT", "This upload was discarded. Upload the file again.");
  return batch;
}
