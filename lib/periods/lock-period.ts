// The one lock on a period row. Every transaction that changes a month (its status, its values,
// its commentary, an import into it) takes it here, first, so a sign-off and an edit never
// interleave: the edit lands before the snapshot is built, or waits and is refused after it.
//
// LOCK ORDER (a deadlock was found by `npm run soak` when this was not written down):
//   1. The Period row, before any other row, at the strength the transaction will need by its end.
//      Never take a weaker lock and upgrade it later: two transactions holding FOR SHARE that both
//      upgrade to a write wait for each other for ever (two leads submitting at once did this).
//        "status" FOR UPDATE         sign-off, publication, amendment (they change the status)
//        "stamp"  FOR NO KEY UPDATE  a commentary submit (it stamps commentaryFirstSubmittedAt)
//        "edit"   FOR SHARE          a value save, an import confirm, other commentary changes
//      FOR SHARE holders run side by side; "stamp" and "status" queue behind them and each other.
//      A change to several months locks them all at once, in id order (lockPeriods).
//   2. Then the rows the operation writes: the ImportBatch it claims, Commentary, IndicatorValue,
//      PackVersion. Each is changed by compare-and-set (updateMany on its version), not locked.
//   User rows (lib/users/change-guards.ts) are never locked in the same transaction as a period.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { assertFiguresEditable, assertPeriodEditable } from "@/lib/periods/period-lifecycle";

export const STALE_PERIOD_MESSAGE =
  "Someone else changed this period while you were looking at it. Reload the page to see where it stands now.";

/** "figures" is "edit" for a month's values only, which a history month also takes. */
export type PeriodLockMode = "status" | "stamp" | "edit" | "figures";

const LOCK_CLAUSE: Record<PeriodLockMode, string> = {
  status: "FOR UPDATE",
  stamp: "FOR NO KEY UPDATE",
  edit: "FOR SHARE",
  figures: "FOR SHARE",
};

export type LockedPeriod = {
  id: string;
  month: string;
  status: PeriodStatus;
  version: number;
  amendmentReason: string | null;
  commentaryFirstSubmittedAt: Date | null;
};

/**
 * Locks the period row in `tx` and returns it as it now stands. A status change passes the version
 * the director saw (compare-and-set: a stale page gets CONFLICT); an edit ("stamp" or "edit") is
 * refused unless the period is editable.
 */
export async function lockPeriod(tx: Tx, periodId: string, mode: PeriodLockMode, expectedVersion?: number): Promise<LockedPeriod> {
  const [row] = await selectForLock(tx, [periodId], mode);
  if (!row) throw new AppError("NOT_FOUND", "That period no longer exists");
  checkLocked(row, mode, expectedVersion);
  return row;
}

/**
 * Locks several period rows in one statement, in id order, for a change that spans months (a history
 * import), each checked as `lockPeriod` checks one; an empty list locks nothing. Step 1 of the order.
 */
export async function lockPeriods(tx: Tx, periodIds: readonly string[], mode: Exclude<PeriodLockMode, "status">): Promise<LockedPeriod[]> {
  const ids = [...new Set(periodIds)];
  if (!ids.length) return [];
  const rows = await selectForLock(tx, ids, mode);
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "That period no longer exists");
  for (const row of rows) checkLocked(row, mode);
  return rows;
}

/** ORDER BY before the locking clause: PostgreSQL locks the rows in that order. */
function selectForLock(tx: Tx, ids: string[], mode: PeriodLockMode): Promise<LockedPeriod[]> {
  return tx.$queryRaw<LockedPeriod[]>`
    SELECT id::text AS id, month, status::text AS status, version, "amendmentReason", "commentaryFirstSubmittedAt"
    FROM "Period" WHERE id = ANY(${ids}::uuid[]) ORDER BY id ${Prisma.raw(LOCK_CLAUSE[mode])}`;
}

function checkLocked(row: LockedPeriod, mode: PeriodLockMode, expectedVersion?: number): void {
  if (mode === "status") {
    if (row.version !== expectedVersion) throw new AppError("CONFLICT", STALE_PERIOD_MESSAGE);
  } else if (mode === "figures") {
    assertFiguresEditable(row);
  } else {
    assertPeriodEditable(row);
  }
}
