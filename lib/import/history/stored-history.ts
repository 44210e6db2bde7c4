// How a history import's preview is kept in ImportBatch.rows (version 3; a one-month import keeps
// version 2): the months with what the import does in each, and every row, each with its month.
import type { ImportCounts } from "@/lib/import/import-preview";
import type { ImportTable } from "@/lib/import/import-table";
import { toStoredRow, type StoredRow } from "@/lib/import/stored-preview";
import type { HistoryPlan, MonthAction } from "@/lib/import/history/plan-history-import";

export type StoredMonth = { month: string; action: MonthAction; periodId: string | null; counts: ImportCounts; rows: StoredRow[] };

export type StoredHistory = {
  version: 3;
  kind: ImportTable["kind"];
  layout: NonNullable<ImportTable["layout"]>;
  headers: ImportTable["headers"];
  counts: ImportCounts;
  months: StoredMonth[];
};

export function toStoredHistory(table: ImportTable, plan: HistoryPlan): StoredHistory {
  return {
    version: 3,
    kind: table.kind,
    layout: table.layout ?? "long",
    headers: table.headers,
    counts: plan.counts,
    months: plan.months.map((m) => ({
      month: m.month,
      action: m.action,
      periodId: m.periodId,
      counts: m.counts,
      rows: m.rows.map(toStoredRow),
    })),
  };
}

export function readStoredHistory(json: unknown): StoredHistory {
  const stored = json as StoredHistory | null;
  if (!stored || stored.version !== 3 || !Array.isArray(stored.months))
    throw new Error("ImportBatch.rows is not a version 3 history import preview");
  return stored;
}

export const isStoredHistory = (json: unknown) => (json as { version?: unknown } | null)?.version === 3;
