// Upload -> preview: parses and validates a file against the month's catalogue and values, and
// keeps the result as a PENDING ImportBatch for the person to check and confirm.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, executeLarge } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { assertFiguresEditable } from "@/lib/periods/period-lifecycle";
import { parseImportFile, type ImportFile } from "@/lib/import/parse-import-file";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { loadCatalogue, loadExistingValues } from "@/lib/import/load-import-context";
import type { FileError } from "@/lib/import/file-errors";
import type { ImportPreview } from "@/lib/import/import-preview";
import { toStoredPreview } from "@/lib/import/stored-preview";
import { deleteStaleImports } from "@/lib/import/delete-stale-imports";

/** What the upload found; the rows themselves are in the stored batch. */
export type PreviewSummary = Pick<ImportPreview, "counts" | "skipped" | "errors" | "encoding">;
export type PreviewImportResult = { ok: true; batchId: string; preview: PreviewSummary } | { ok: false; error: FileError };

export async function previewImport(actor: SessionUser | null, month: string, file: ImportFile): Promise<PreviewImportResult> {
  assertCan(actor, "value.import");
  const period = await getPeriodByMonth(month);
  assertFiguresEditable(period);

  await deleteStaleImports();
  const prepared = await prepareBatch(period, file);
  if (!prepared.ok) return prepared;
  const batchId = randomUUID();
  // The largest allowed file's preview is about 24 MB of JSON: sent by pg (lib/db.ts, executeLarge),
  // checked by PostgreSQL as jsonb.
  await executeLarge(
    `INSERT INTO "ImportBatch" (id, "periodId", "fileName", "fileSha256", "rowCount", "errorCount", rows, "createdById", "createdByName")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7::jsonb, $8::uuid, $9)`,
    [
      batchId,
      period.id,
      cleanFileName(file.fileName),
      createHash("sha256").update(file.bytes).digest("hex"),
      prepared.rowCount,
      prepared.summary.errors.length,
      prepared.json,
      actor.id,
      actor.name,
    ],
  );
  return { ok: true, batchId, preview: prepared.summary };
}

/**
 * Parses and validates the file and writes the preview as the JSON that is stored. A function of its
 * own so that the file's rows and the preview's objects (tens of megabytes for the largest file) are
 * garbage by the time the insert runs: only the text and the summary are left.
 */
async function prepareBatch(
  period: { id: string; month: string },
  file: ImportFile,
): Promise<{ ok: true; json: string; rowCount: number; summary: PreviewSummary } | { ok: false; error: FileError }> {
  const parsed = await parseImportFile(file);
  if (!parsed.ok) return parsed;
  const [catalogue, existing] = await Promise.all([loadCatalogue(db), loadExistingValues(db, period.id)]);
  const validated = validateImportRows({ table: parsed.table, month: period.month, catalogue, existing });
  if (!validated.ok) return validated;
  const { preview } = validated;
  const summary: PreviewSummary = {
    counts: preview.counts,
    skipped: preview.skipped,
    errors: preview.errors,
    ...(preview.encoding ? { encoding: preview.encoding } : {}),
  };
  return { ok: true, json: JSON.stringify(toStoredPreview(preview)), rowCount: preview.rows.length, summary };
}

/** The name as the person knows it, without any path a browser sent, control characters or excess. */
export function cleanFileName(name: string): string {
  const base = name
    .split(/[/\\]/)
    .pop()!
    .replace(/\p{Cc}/gu, "")
    .trim();
  return (base || "upload").slice(0, 200);
}
