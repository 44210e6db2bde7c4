// A correction after publication is a formal amendment: the director gives a reason, the period
// reopens for values and commentary, and signing off again makes version N+1. Version N stays.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { lockPeriod } from "@/lib/periods/lock-period";
import { PERIOD_TRANSITIONS, assertPeriodTransition } from "@/lib/periods/period-lifecycle";

export const MAX_AMENDMENT_REASON = 1000;

export async function startAmendment(user: SessionUser, input: { month: string; expectedPeriodVersion: number; reason: string }) {
  assertCan(user, PERIOD_TRANSITIONS.amend.permission);
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError("VALIDATION", "There is a problem", {
      reason: "Give the reason for the amendment: it is printed in the pack's amendment log",
    });
  if (reason.length > MAX_AMENDMENT_REASON)
    throw new AppError("VALIDATION", "There is a problem", { reason: `The reason must be ${MAX_AMENDMENT_REASON} characters or fewer` });
  const period = await getPeriodByMonth(input.month);
  return db.$transaction(async (tx) => {
    const locked = await lockPeriod(tx, period.id, "status", input.expectedPeriodVersion);
    const status = assertPeriodTransition(user.role, locked, "amend");
    await tx.period.update({ where: { id: period.id }, data: { status, amendmentReason: reason, version: { increment: 1 } } });
    await recordAudit(tx, user, {
      action: "pack.amendmentStarted",
      entityType: "Period",
      entityId: period.id,
      periodMonth: period.month,
      after: { reason },
    });
  });
}
