// Upload -> preview for a history import: one file of many months, parsed and planned month by month,
// kept as a PENDING ImportBatch (with no period: it spans many) to check and confirm.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, executeLarge } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { parseImportFile, type ImportFile } from "@/lib/import/parse-import-file";
import { loadCatalogue } from "@/lib/import/load-import-context";
import type { FileError } from "@/lib/import/file-errors";
import { cleanFileName } from "@/lib/import/preview-import";
import { parseMonth } from "@/lib/import/parse-month";
import { planHistoryImport, type HistoryPlan } from "@/lib/import/history/plan-history-import";
import { loadPeriods, loadValuesOfPeriods } from "@/lib/import/history/load-history-context";
import { toStoredHistory } from "@/lib/import/history/stored-history";

export type PreviewHistoryResult = { ok: true; batchId: string; plan: HistoryPlan } | { ok: false; error: FileError };

export async function previewHistoryImport(actor: SessionUser | null, file: ImportFile, now = new Date()): Promise<PreviewHistoryResult> {
  assertCan(actor, "value.import");
  const parsed = await parseImportFile(file);
  if (!parsed.ok) return parsed;
  const [catalogue, periods] = await Promise.all([loadCatalogue(db), loadPeriods(db)]);
  const months = new Set(parsed.table.rows.map((r) => (r.period === null ? null : parseMonth(r.period))));
  const touched = [...periods.values()].filter((p) => months.has(p.month)).map((p) => p.id);
  const existing = await loadValuesOfPeriods(db, touched);
  const planned = planHistoryImport({ table: parsed.table, catalogue, periods, existing, now });
  if (!planned.ok) return planned;

  const { plan } = planned;
  const batchId = randomUUID();
  const rowCount = plan.months.reduce((n, m) => n + m.rows.length, 0);
  // Sent by pg: the plan for years of history runs to megabytes of JSON (lib/db.ts, executeLarge).
  await executeLarge(
    `INSERT INTO "ImportBatch" (id, "periodId", "fileName", "fileSha256", "rowCount", "errorCount", rows, "createdById", "createdByName")
     VALUES ($1::uuid, NULL, $2, $3, $4, $5, $6::jsonb, $7::uuid, $8)`,
    [
      batchId,
      cleanFileName(file.fileName),
      createHash("sha256").update(file.bytes).digest("hex"),
      rowCount,
      plan.errors.length,
      JSON.stringify(toStoredHistory(parsed.table, plan)),
      actor.id,
      actor.name,
    ],
  );
  return { ok: true, batchId, plan };
}
