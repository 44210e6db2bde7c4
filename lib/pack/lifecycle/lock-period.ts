// Status changes of a period (sign-off, publication, amendment) lock its row and compare-and-set
// on its version, so two directors clicking at once change it once.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";

export const STALE_PERIOD_MESSAGE = "Someone else changed this period while you were looking at it. Reload the page to see where it stands now.";

export async function lockPeriodForStatusChange(tx: Tx, periodId: string, expectedVersion: number) {
  const rows = await tx.$queryRaw<{ status: PeriodStatus; version: number; amendmentReason: string | null }[]>`
    SELECT status::text AS status, version, "amendmentReason" FROM "Period" WHERE id = ${periodId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That period no longer exists");
  if (row.version !== expectedVersion) throw new AppError("CONFLICT", STALE_PERIOD_MESSAGE);
  return row;
}
