// Reads an upload for the preview and done pages, and for the functions that confirm or discard it.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { readStoredPreview, type StoredRow } from "@/lib/import/stored-preview";
import type { PreviewIndicator, RowError } from "@/lib/import/import-preview";

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** Rows per page of the preview: a 50,000-row file's page stays a few hundred KB. */
export const PREVIEW_ROWS_PER_PAGE = 200;
/** The error summary lists the first errors; the table, a page at a time, holds every one. */
export const PREVIEW_ERRORS_LISTED = 100;

type PageQuery = { rows: StoredRow[] | null; errors: { error: RowError; position: number }[] | null };

/**
 * The upload as its page shows it, one page of its rows at a time (every row with an error first,
 * then what would change, what is new and what is already stored, each in file order), or null when
 * there is none for that month. The page and the first errors are picked out by PostgreSQL, so a
 * 50,000-row preview (24 MB of JSON) is never read whole to show 200 of its rows.
 */
export async function findImportBatch(actor: SessionUser | null, month: string, batchId: string, requestedPage = 1) {
  assertCan(actor, "value.import");
  if (!isUuid(batchId)) return null;
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      fileName: true,
      status: true,
      createdByName: true,
      createdAt: true,
      committedAt: true,
      rowCount: true,
      errorCount: true,
      kind: true,
      period: { select: { month: true, status: true } },
    },
  });
  if (!batch || !batch.period || batch.period.month !== month || batch.kind !== "FILE") return null;
  const { period, rowCount, errorCount, kind: _kind, ...rest } = batch;
  const pageCount = Math.max(1, Math.ceil(rowCount / PREVIEW_ROWS_PER_PAGE));
  const page = Number.isInteger(requestedPage) ? Math.min(Math.max(requestedPage, 1), pageCount) : 1;
  const first = (page - 1) * PREVIEW_ROWS_PER_PAGE;

  const [[meta], [picked]] = await Promise.all([
    db.$queryRaw<{ summary: unknown }[]>`SELECT rows - 'rows' AS summary FROM "ImportBatch" WHERE id = ${batchId}::uuid`,
    db.$queryRaw<PageQuery[]>`
      WITH numbered AS (
        SELECT r.value AS row, r.ordinality AS ord,
               CASE r.value->>'status' WHEN 'error' THEN 0 WHEN 'changed' THEN 1 WHEN 'new' THEN 2 ELSE 3 END AS rank
        FROM "ImportBatch" b, jsonb_array_elements(b.rows->'rows') WITH ORDINALITY AS r
        WHERE b.id = ${batchId}::uuid
      ), ordered AS (
        SELECT row, row_number() OVER (ORDER BY rank, ord) AS position FROM numbered
      ), listed AS (
        SELECT e.value AS error, o.position FROM ordered o, jsonb_array_elements(o.row->'errors') WITH ORDINALITY AS e
        WHERE o.row ? 'errors' ORDER BY o.position, e.ordinality LIMIT ${PREVIEW_ERRORS_LISTED}
      )
      SELECT (SELECT jsonb_agg(row ORDER BY position) FROM ordered WHERE position > ${first} AND position <= ${first + PREVIEW_ROWS_PER_PAGE}) AS rows,
             (SELECT jsonb_agg(jsonb_build_object('error', error, 'position', position) ORDER BY position) FROM listed) AS errors`,
  ]);
  const summary = readStoredPreview({ ...(meta.summary as object), rows: [] });
  const rows = picked.rows ?? [];
  const ids = [...new Set(rows.flatMap((r) => (r.indicatorId ? [r.indicatorId] : [])))];
  const indicators = new Map<string, PreviewIndicator>(
    (
      await db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true, unit: true, decimals: true } })
    ).map((i) => [i.id, i]),
  );
  const { rows: _none, ...preview } = summary;
  return {
    ...rest,
    period,
    preview: {
      ...preview,
      rowCount,
      errorCount,
      /** The first errors, each with the page of the table its row is on. */
      errors: (picked.errors ?? []).map((e) => ({ ...e.error, page: Math.floor((Number(e.position) - 1) / PREVIEW_ROWS_PER_PAGE) + 1 })),
      page,
      pageCount,
      rows: rows.map((r): ImportRowView => ({ ...r, indicator: r.indicatorId ? (indicators.get(r.indicatorId) ?? null) : null })),
    },
  };
}

/** A row as the preview page shows it: what the file said, what it would do, and the indicator. */
export type ImportRowView = StoredRow & { indicator: PreviewIndicator | null };
export type ImportBatchView = NonNullable<Awaited<ReturnType<typeof findImportBatch>>>;

/** For confirm and discard: the pending upload, or a message saying why it cannot change. */
export async function findBatchForChange(batchId: string) {
  const batch = isUuid(batchId)
    ? await db.importBatch.findUnique({ where: { id: batchId }, include: { period: { select: { month: true } } } })
    : null;
  if (!batch) throw new AppError("NOT_FOUND", "This upload could not be found. Upload the file again.");
  if (batch.status === "COMMITTED") throw new AppError("CONFLICT", "This file has already been imported.");
  if (batch.status === "DISCARDED") throw new AppError("CONFLICT", "This upload was discarded. Upload the file again.");
  return batch;
}
