// One version token for an indicator and everything hanging off it (targets, comparators): every
// change names the updatedAt its editor saw, and only one change can move it on from that value.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export const INDICATOR_CONFLICT =
  "Someone else changed this indicator while you were editing it, so your change has not been saved. Check what is saved now, then save your change again if it is still right.";

export const indicatorConflict = () => new AppError("CONFLICT", INDICATOR_CONFLICT);

/** Reads the indicator by code for a change, refusing at once if it has moved on since the editor saw it. */
export async function readIndicatorForChange(tx: Tx, code: string, expectedUpdatedAt: Date) {
  const indicator = await tx.indicator.findUnique({ where: { code } });
  if (!indicator) throw new AppError("NOT_FOUND", `There is no indicator with the code ${code}`);
  if (indicator.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw indicatorConflict();
  return indicator;
}

/**
 * Moves the version on (compare-and-set). `data` may carry the indicator's own changed fields.
 * The new stamp is always later than the old one, even within the same millisecond.
 */
export async function claimIndicatorVersion(
  tx: Tx,
  id: string,
  expectedUpdatedAt: Date,
  data: Prisma.IndicatorUncheckedUpdateManyInput = {},
): Promise<Date> {
  const updatedAt = new Date(Math.max(Date.now(), expectedUpdatedAt.getTime() + 1));
  const res = await tx.indicator.updateMany({ where: { id, updatedAt: expectedUpdatedAt }, data: { ...data, updatedAt } });
  if (res.count !== 1) throw indicatorConflict();
  return updatedAt;
}
