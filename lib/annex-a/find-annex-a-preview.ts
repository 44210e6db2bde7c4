// An Annex A upload as its preview page shows it: each figure beside the month's value (as it stood
// at the upload) with what confirming would do, the figures the lists cannot give and why, and the
// data-quality report a page at a time, problems with whole lists first.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { readStoredAnnexA, type StoredAnnexA } from "@/lib/annex-a/stored-annex-a";
import { NOT_FROM_ANNEX_A } from "@/lib/annex-a/figure-rules";
import { PROBLEM_TEXT } from "@/lib/annex-a/read-values";
import type { FigureResult } from "@/lib/annex-a/compute-figures";
import type { RowStatus } from "@/lib/import/import-preview";
import type { Unit } from "@/lib/generated/prisma/enums";

export const QUALITY_ROWS_PER_PAGE = 200;

export type FigureView = FigureResult & {
  name: string | null;
  unit: Unit | null;
  decimals: number;
  /** The month's value when the lists were uploaded: a number, "not available", or none yet. */
  current: { value: number | null; notAvailableReason: string | null } | null;
  /** What confirming does with it; "left" when the catalogue does not take it, "none" when the lists give no value. */
  outcome: RowStatus | "left" | "none";
  why: string | null;
};
export type QualityIssue = { list: number | null; row: number | null; column: string | null; message: string };

export async function findAnnexAPreview(actor: SessionUser | null, month: string, batchId: string, requestedPage = 1) {
  assertCan(actor, "value.import");
  if (!z.uuid().safeParse(batchId).success) return null;
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      kind: true,
      fileName: true,
      status: true,
      createdByName: true,
      createdAt: true,
      committedAt: true,
      rows: true,
      period: { select: { month: true, status: true } },
    },
  });
  if (!batch || batch.kind !== "ANNEX_A" || !batch.period || batch.period.month !== month) return null;
  const stored = readStoredAnnexA(batch.rows);
  const indicators = new Map(
    (
      await db.indicator.findMany({
        where: { code: { in: [...stored.figures.map((f) => f.code), ...Object.keys(NOT_FROM_ANNEX_A)] } },
        select: { code: true, name: true, unit: true, decimals: true },
      })
    ).map((i) => [i.code, i]),
  );

  const issues = qualityIssues(stored);
  const pageCount = Math.max(1, Math.ceil(issues.length / QUALITY_ROWS_PER_PAGE));
  const page = Number.isInteger(requestedPage) ? Math.min(Math.max(requestedPage, 1), pageCount) : 1;
  const { rows: _rows, figures: _figures, ...about } = stored;
  return {
    id: batch.id,
    fileName: batch.fileName,
    status: batch.status,
    createdByName: batch.createdByName,
    createdAt: batch.createdAt,
    committedAt: batch.committedAt,
    period: batch.period,
    about,
    figures: figureViews(stored, indicators),
    notFromAnnexA: Object.entries(NOT_FROM_ANNEX_A).map(([code, reason]) => ({ code, name: indicators.get(code)?.name ?? null, reason })),
    quality: {
      lists: stored.quality.lists,
      issueCount: issues.length,
      issues: issues.slice((page - 1) * QUALITY_ROWS_PER_PAGE, page * QUALITY_ROWS_PER_PAGE),
      page,
      pageCount,
    },
    canConfirm: batch.status === "PENDING" && !stored.rows.some((r) => r.status === "error"),
  };
}
export type AnnexAPreviewView = NonNullable<Awaited<ReturnType<typeof findAnnexAPreview>>>;

function figureViews(stored: StoredAnnexA, indicators: Map<string, { name: string; unit: Unit; decimals: number }>): FigureView[] {
  const rows = new Map(stored.rows.map((r) => [r.code, r]));
  const left = new Map(stored.left.map((l) => [l.code, l.reason]));
  return stored.figures.map((f) => {
    const indicator = indicators.get(f.code);
    const row = rows.get(f.code);
    const current = row?.previous ? { value: row.previous.value, notAvailableReason: row.previous.notAvailableReason } : null;
    const outcome: FigureView["outcome"] = f.value === null ? "none" : left.has(f.code) ? "left" : (row?.status ?? "left");
    const why =
      f.value === null
        ? f.reason
        : (left.get(f.code) ?? row?.errors?.map((e) => e.message.replace(/^Row \d+, column \w+: /, "")).join("; ") ?? null);
    return {
      ...f,
      name: indicator?.name ?? null,
      unit: indicator?.unit ?? null,
      decimals: indicator?.decimals ?? 1,
      current,
      outcome,
      why,
    };
  });
}

/** Every problem in the lists: whole lists first (missing, unreadable, missing columns), then rows by list and row. */
export function qualityIssues(stored: Pick<StoredAnnexA, "quality">): QualityIssue[] {
  const { lists, problems } = stored.quality;
  const whole: QualityIssue[] = problems.map((p) => ({ list: p.list, row: null, column: null, message: p.message }));
  for (const l of lists)
    for (const c of l.missingColumns)
      if (c !== "Child Unique ID")
        whole.push({
          list: l.list,
          row: null,
          column: c,
          message: `List ${l.list} has no ${c} column: the figures that need it are left out`,
        });
  const rows: QualityIssue[] = [];
  for (const l of lists) {
    for (const row of l.blankIds)
      rows.push({ list: l.list, row, column: "Child Unique ID", message: "The Child Unique ID is blank, so the row is left out" });
    for (const i of l.invalid) rows.push({ list: l.list, row: i.row, column: i.column, message: `The value ${PROBLEM_TEXT[i.problem]}` });
    if (l.invalidCount > l.invalid.length)
      whole.push({
        list: l.list,
        row: null,
        column: null,
        message: `List ${l.list} has ${(l.invalidCount - l.invalid.length).toLocaleString("en-GB")} more invalid values than are listed here`,
      });
  }
  rows.sort((a, b) => a.list! - b.list! || a.row! - b.row!);
  return [...whole, ...rows];
}
