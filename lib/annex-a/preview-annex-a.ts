// Upload -> preview for an Annex A workbook: the lists are read and the figures computed in memory,
// compared with the month's values as the import would write them, and kept as a PENDING ImportBatch
// (kind ANNEX_A) holding the figures and the data-quality counts only. The workbook is not kept.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, executeLarge } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { assertFiguresEditable } from "@/lib/periods/period-lifecycle";
import { deleteStaleImports } from "@/lib/import/delete-stale-imports";
import { cleanFileName } from "@/lib/import/preview-import";
import type { ImportFile } from "@/lib/import/parse-import-file";
import { findPopulationForMonth } from "@/lib/population/find-population-for-month";
import { computeAnnexA, type AnnexAFileError } from "@/lib/annex-a/compute-annex-a";
import { parseAnnexADates, type AnnexADateErrors } from "@/lib/annex-a/annex-a-input";
import type { StoredAnnexA } from "@/lib/annex-a/stored-annex-a";
import { planAnnexAWrite } from "@/lib/annex-a/plan-annex-a-write";

export type AnnexAUpload = { file: ImportFile; asAt?: string; coversFrom?: string };
export type PreviewAnnexAResult =
  | { ok: true; batchId: string; stored: StoredAnnexA }
  | { ok: false; fileError: AnnexAFileError }
  | { ok: false; fieldErrors: AnnexADateErrors };

export async function previewAnnexA(actor: SessionUser | null, month: string, upload: AnnexAUpload): Promise<PreviewAnnexAResult> {
  assertCan(actor, "value.import");
  const period = await getPeriodByMonth(month);
  assertFiguresEditable(period);
  const dates = parseAnnexADates(month, upload);
  if (!dates.ok) return dates;

  await deleteStaleImports();
  const population = await findPopulationForMonth(month);
  const result = await computeAnnexA({
    bytes: upload.file.bytes,
    month,
    ...dates.dates,
    population: population && { year: population.year, count: population.count },
  });
  if (!result.ok) return { ok: false, fileError: result.error };
  const { ok: _ok, ...computed } = result;
  const figures = {
    version: 1 as const,
    kind: "annex-a" as const,
    month,
    ...dates.dates,
    population: population && { year: population.year, count: population.count },
    computedAt: new Date().toISOString(),
    ...computed,
  };
  // What confirming would write, against the month's values now: the confirmation checks nothing moved since.
  const plan = await planAnnexAWrite(db, period, figures);
  const stored: StoredAnnexA = { ...figures, rows: plan.rows, left: plan.left };

  const batchId = randomUUID();
  const rowsRead = result.quality.lists.reduce((n, l) => n + l.rowsRead, 0);
  const problems = result.quality.lists.reduce((n, l) => n + l.invalidCount + l.blankIds.length, 0);
  await executeLarge(
    `INSERT INTO "ImportBatch" (id, "periodId", "fileName", "fileSha256", "rowCount", "errorCount", rows, kind, "createdById", "createdByName")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7::jsonb, 'ANNEX_A', $8::uuid, $9)`,
    [
      batchId,
      period.id,
      cleanFileName(upload.file.fileName),
      result.fileSha256,
      rowsRead,
      problems,
      JSON.stringify(stored),
      actor.id,
      actor.name,
    ],
  );
  return { ok: true, batchId, stored };
}
