// A correction after publication is a formal amendment: the director gives a reason, the period
// reopens for values and commentary, and signing off again makes version N+1. Version N stays.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { lockPeriodForStatusChange } from "@/lib/pack/lifecycle/lock-period";

export const MAX_AMENDMENT_REASON = 1000;

export async function startAmendment(user: SessionUser, input: { month: string; expectedPeriodVersion: number; reason: string }) {
  assertCan(user, "pack.amend");
  const reason = input.reason.trim();
  if (!reason) throw new AppError("VALIDATION", "There is a problem", { reason: "Give the reason for the amendment: it is printed in the pack's amendment log" });
  if (reason.length > MAX_AMENDMENT_REASON) throw new AppError("VALIDATION", "There is a problem", { reason: `The reason must be ${MAX_AMENDMENT_REASON} characters or fewer` });
  const period = await getPeriodByMonth(input.month);
  return db.$transaction(async (tx) => {
    const locked = await lockPeriodForStatusChange(tx, period.id, input.expectedPeriodVersion);
    if (locked.status !== "PUBLISHED") throw new AppError("INVALID_TRANSITION", "Only a published pack can be amended");
    await tx.period.update({ where: { id: period.id }, data: { status: "AMENDING", amendmentReason: reason, version: { increment: 1 } } });
    await recordAudit(tx, user, { action: "pack.amendmentStarted", entityType: "Period", entityId: period.id, periodMonth: period.month, after: { reason } });
  });
}
