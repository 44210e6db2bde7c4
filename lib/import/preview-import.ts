// Upload -> preview: parses and validates a file against the month's catalogue and values, and
// keeps the result as a PENDING ImportBatch for the person to check and confirm.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { assertFiguresEditable } from "@/lib/pack/lifecycle/period-lifecycle";
import { parseImportFile, type ImportFile } from "@/lib/import/parse-import-file";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { loadCatalogue, loadExistingValues } from "@/lib/import/load-import-context";
import type { FileError } from "@/lib/import/file-errors";
import type { ImportPreview } from "@/lib/import/import-preview";
import { toStoredPreview } from "@/lib/import/stored-preview";
import { deleteStaleImports } from "@/lib/import/delete-stale-imports";

export type PreviewImportResult = { ok: true; batchId: string; preview: ImportPreview } | { ok: false; error: FileError };

export async function previewImport(actor: SessionUser | null, month: string, file: ImportFile): Promise<PreviewImportResult> {
  assertCan(actor, "value.import");
  const period = await getPeriodByMonth(month);
  assertFiguresEditable(period);

  await deleteStaleImports();
  const parsed = await parseImportFile(file);
  if (!parsed.ok) return parsed;
  const [catalogue, existing] = await Promise.all([loadCatalogue(db), loadExistingValues(db, period.id)]);
  const validated = validateImportRows({ table: parsed.table, month: period.month, catalogue, existing });
  if (!validated.ok) return validated;

  const { preview } = validated;
  // Raw insert: for a large file Prisma's Json handling costs more than parsing and validating
  // together; the text goes to PostgreSQL once and is checked there as jsonb.
  const batchId = randomUUID();
  const stored = JSON.stringify(toStoredPreview(preview));
  await db.$executeRaw`
    INSERT INTO "ImportBatch" (id, "periodId", "fileName", "fileSha256", "rowCount", "errorCount", rows, "createdById", "createdByName")
    VALUES (${batchId}::uuid, ${period.id}::uuid, ${cleanFileName(file.fileName)}, ${createHash("sha256").update(file.bytes).digest("hex")},
            ${preview.rows.length}, ${preview.errors.length}, ${stored}::jsonb, ${actor.id}::uuid, ${actor.name})`;
  return { ok: true, batchId, preview };
}

/** The name as the person knows it, without any path a browser sent, control characters or excess. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "upload").slice(0, 200);
}
