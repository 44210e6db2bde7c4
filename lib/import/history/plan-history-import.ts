// The history import's validator: one file of many months in; per month, what the import would do
// there (create a history month, correct one, or fill an open period) with each row new, changed,
// unchanged or in error, out. Each month's rows go through the same validator as a one-month import,
// so a row means the same in both. Pure (the periods and stored values are passed in).
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import type { ImportTable, RawRow } from "@/lib/import/import-table";
import type { ExistingValue, ImportCounts, PreviewRow, RowError } from "@/lib/import/import-preview";
import type { FileError } from "@/lib/import/file-errors";
import { validateImportRows, type CatalogueEntry } from "@/lib/import/validate-import-rows";
import { parseMonth } from "@/lib/import/parse-month";
import { isMonthInRange, EARLIEST_MONTH, latestMonth } from "@/lib/periods/month-range";
import { formatMonth } from "@/lib/format/dates";
import { isPeriodEditable } from "@/lib/periods/period-lifecycle";

/**
 * - create-history: before the first month opened and not yet in Scrutiny Pack: becomes a history month.
 * - history: an existing history month: its figures are corrected (with revisions).
 * - open: an open period (or one being amended): as a one-month import on its page.
 * - refused: signed off or published, or a month after the first opened that was never opened.
 */
export type MonthAction = "create-history" | "history" | "open" | "refused";

export type KnownPeriod = { id: string; month: string; status: PeriodStatus; commentaryFirstSubmittedAt: Date | null };

export type MonthPlan = { month: string; action: MonthAction; periodId: string | null; counts: ImportCounts; rows: PreviewRow[] };

export type HistoryPlan = { months: MonthPlan[]; errors: RowError[]; counts: ImportCounts };

export type HistoryPlanInput = {
  table: ImportTable;
  catalogue: Map<string, CatalogueEntry>;
  /** Every period in Scrutiny Pack (history ones included), by month. */
  periods: Map<string, KnownPeriod>;
  /** Stored values of the periods the file touches, by period id, then indicator id. */
  existing: Map<string, Map<string, ExistingValue>>;
  now?: Date;
};

export function planHistoryImport({
  table,
  catalogue,
  periods,
  existing,
  now = new Date(),
}: HistoryPlanInput): { ok: true; plan: HistoryPlan } | { ok: false; error: FileError } {
  if (table.layout !== "wide" && table.headers.period === null) return { ok: false, error: { code: "missing-column", column: "period" } };
  const periodHeader = table.headers.period ?? "period";
  const firstOpened =
    [...periods.values()]
      .filter((p) => p.status !== "HISTORY")
      .map((p) => p.month)
      .sort()[0] ?? null;

  const byMonth = new Map<string, RawRow[]>();
  const unreadable: PreviewRow[] = [];
  for (const raw of table.rows) {
    const month = raw.period === null ? null : parseMonth(raw.period);
    const problem =
      raw.problems.find((p) => p.column === "period")?.reason ??
      (raw.period === ""
        ? "enter the month, for example 2019-04"
        : !month
          ? `"${short(raw.period ?? "")}" is not a month: write it as YYYY-MM, for example 2019-04`
          : !isMonthInRange(month, now)
            ? `${formatMonth(month)} is outside the months that can hold figures (${formatMonth(EARLIEST_MONTH)} to ${formatMonth(latestMonth(now))})`
            : null);
    if (problem || !month) {
      unreadable.push(errorRow(raw, periodHeader, problem ?? "the month cannot be read"));
      continue;
    }
    byMonth.set(month, [...(byMonth.get(month) ?? []), raw]);
  }

  const months: MonthPlan[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const rows = byMonth.get(month)!;
    const period = periods.get(month);
    const action: MonthAction = period
      ? period.status === "HISTORY"
        ? "history"
        : isPeriodEditable(period.status)
          ? "open"
          : "refused"
      : firstOpened === null || month < firstOpened
        ? "create-history"
        : "refused";
    if (action === "refused") {
      const reason = period
        ? `the ${formatMonth(month)} pack is ${period.status === "PUBLISHED" ? "published" : "signed off"}, so its figures cannot change here: the director must start an amendment, then import the month on its own page`
        : `${formatMonth(month)} has not been opened: months from ${formatMonth(firstOpened)} on must be opened on the periods page before figures can be imported into them`;
      const refused = rows.map((raw) => errorRow(raw, raw.valueHeader ?? periodHeader, reason));
      months.push({ month, action, periodId: period?.id ?? null, counts: countsOf(refused), rows: refused });
      continue;
    }
    const validated = validateImportRows({
      table: { ...table, rows },
      month,
      catalogue,
      existing: (period && existing.get(period.id)) ?? new Map<string, ExistingValue>(),
    });
    if (!validated.ok) return validated;
    months.push({ month, action, periodId: period?.id ?? null, counts: validated.preview.counts, rows: validated.preview.rows });
  }
  if (unreadable.length) months.unshift({ month: "", action: "refused", periodId: null, counts: countsOf(unreadable), rows: unreadable });

  const all = months.flatMap((m) => m.rows);
  const errors = all.flatMap((r) => r.errors).sort((a, b) => a.row - b.row);
  return { ok: true, plan: { months, errors, counts: countsOf(all) } };
}

function errorRow(raw: RawRow, column: string, reason: string): PreviewRow {
  return {
    row: raw.row,
    raw,
    status: "error",
    indicator: null,
    next: null,
    previous: null,
    errors: [{ row: raw.row, column, message: `Row ${raw.row}, column ${column}: ${reason}` }],
  };
}

function countsOf(rows: PreviewRow[]): ImportCounts {
  const counts = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);
