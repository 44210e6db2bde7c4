// The one guard for frozen packs: once a period is signed off, its values and commentary change only
// through a formal amendment.
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { formatMonth } from "@/lib/format/dates";

export function isPeriodEditable(status: PeriodStatus): boolean {
  return status === "OPEN" || status === "AMENDING";
}

export function assertPeriodEditable(period: { month: string; status: PeriodStatus }): void {
  if (isPeriodEditable(period.status)) return;
  throw new AppError(
    "INVALID_TRANSITION",
    `The ${formatMonth(period.month)} pack is signed off, so its figures and commentary cannot change. The director must start an amendment first.`,
  );
}

/**
 * Inside a transaction that changes a period's values or commentary: takes a shared lock on the
 * period row and re-checks it is editable. Sign-off takes the exclusive lock, so an edit and a
 * sign-off never interleave: the edit lands before the snapshot is built, or is refused after.
 */
export async function lockEditablePeriod(tx: { $queryRaw: <T>(q: TemplateStringsArray, ...v: unknown[]) => Promise<T> }, periodId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ month: string; status: PeriodStatus }[]>`SELECT month, status::text AS status FROM "Period" WHERE id = ${periodId}::uuid FOR SHARE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "That period no longer exists");
  assertPeriodEditable(rows[0]);
}
