// Preview -> done for a history import: all months or none, in one transaction. The file is planned
// again against the data as it is now; if any month moved since the preview (opened, signed off, a
// value changed), nothing is written. Creates the new history months, writes every month's values
// and records one audit event per month.
import "server-only";
import { db, forgetQueryArguments } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { rawRowsOf } from "@/lib/import/stored-preview";
import { loadCatalogue } from "@/lib/import/load-import-context";
import { sameOutcome } from "@/lib/import/confirm-import";
import { IMPORT_CONFLICT, writeImportValues } from "@/lib/import/write-import-values";
import { findBatchForChange } from "@/lib/import/find-import-batch";
import { planHistoryImport } from "@/lib/import/history/plan-history-import";
import { loadPeriods, loadValuesOfPeriods } from "@/lib/import/history/load-history-context";
import { readStoredHistory } from "@/lib/import/history/stored-history";
import { lockPeriods } from "@/lib/periods/lock-period";

export type HistoryOutcome = { months: { month: string; createdMonth: boolean; created: number; changed: number; unchanged: number }[] };

export async function confirmHistoryImport(actor: SessionUser | null, batchId: string, now = new Date()): Promise<HistoryOutcome> {
  assertCan(actor, "value.import");
  const batch = await findBatchForChange(batchId);
  if (batch.periodId) throw new AppError("NOT_FOUND", "This upload is for one month: confirm it from that month's import page.");
  const stored = readStoredHistory(batch.rows);
  if (stored.counts.error > 0)
    throw new AppError("VALIDATION", "This file has errors, so nothing can be imported. Correct them and upload the file again.");

  return db
    .$transaction(
      async (tx) => {
        // The lock order of lib/periods/lock-period.ts: first every period the file touches (a sign-off
        // waits for this import, or froze its month first and this is refused), then the batch claimed.
        const storedIds = stored.months.flatMap((m) => (m.periodId ? [m.periodId] : []));
        await lockPeriods(tx, storedIds, "figures");
        const claimed = await tx.importBatch.updateMany({
          where: { id: batch.id, status: "PENDING" },
          data: { status: "COMMITTED", committedAt: new Date() },
        });
        if (claimed.count !== 1) throw new AppError("CONFLICT", "This upload has already been imported or discarded.");

        const periods = await loadPeriods(tx);
        const catalogue = await loadCatalogue(tx);
        const touched = stored.months.flatMap((m) => {
          const p = periods.get(m.month);
          return p ? [p.id] : [];
        });
        const existing = await loadValuesOfPeriods(tx, touched);
        const rows = stored.months.flatMap((m) => m.rows);
        const again = planHistoryImport({
          table: { kind: stored.kind, layout: stored.layout, headers: stored.headers, rows: rawRowsOf({ headers: stored.headers, rows }) },
          catalogue,
          periods,
          existing,
          now,
        });
        if (!again.ok || again.plan.errors.length > 0 || again.plan.months.length !== stored.months.length)
          throw new AppError("CONFLICT", IMPORT_CONFLICT);
        const unchangedPlan = again.plan.months.every((m, i) => {
          const before = stored.months[i];
          return (
            m.month === before.month && m.action === before.action && m.periodId === before.periodId && sameOutcome(before.rows, m.rows)
          );
        });
        if (!unchangedPlan) throw new AppError("CONFLICT", IMPORT_CONFLICT);

        const outcome: HistoryOutcome = { months: [] };
        for (const plan of again.plan.months) {
          let periodId = plan.periodId;
          if (plan.action === "create-history") {
            // The month is unique: if someone opened it since the preview, this fails and nothing is written.
            const created = await tx.period.createMany({
              data: [{ month: plan.month, status: "HISTORY", panelMeetingDate: null, openedById: actor.id }],
              skipDuplicates: true,
            });
            if (created.count !== 1) throw new AppError("CONFLICT", IMPORT_CONFLICT);
            periodId = (await tx.period.findUniqueOrThrow({ where: { month: plan.month }, select: { id: true } })).id;
          }
          const period = periods.get(plan.month);
          const written = await writeImportValues(
            tx,
            actor,
            { periodId: periodId!, revisedAfterSubmission: plan.action === "open" && period?.commentaryFirstSubmittedAt != null },
            plan.rows,
          );
          const result = {
            month: plan.month,
            createdMonth: plan.action === "create-history",
            ...written,
            unchanged: plan.counts.unchanged,
          };
          outcome.months.push(result);
          await recordAudit(tx, actor, {
            action: "values.imported",
            entityType: "ImportBatch",
            entityId: batch.id,
            periodMonth: plan.month,
            after: {
              fileName: batch.fileName,
              historyImport: true,
              monthAction: plan.action,
              created: result.created,
              changed: result.changed,
              unchanged: result.unchanged,
            },
          });
        }
        return outcome;
      },
      { maxWait: 10_000, timeout: 120_000 },
    )
    .finally(forgetQueryArguments); // the rows sent, held by Prisma's debug log (lib/db.ts)
}
