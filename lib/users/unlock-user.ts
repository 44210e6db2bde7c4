// Lifts a lockout after too many failed sign-ins, before the 15 minutes are up.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { isLocked } from "@/lib/users/user-status";
import { findUserForChange, updateUserIfUnchanged } from "@/lib/users/change-guards";

export async function unlockUser(actor: SessionUser | null, input: { userId: string; expectedVersion: number }, now = new Date()) {
  assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    const user = await findUserForChange(tx, input.userId);
    if (!isLocked(user, now) && user.failedSignIns === 0) throw new AppError("INVALID_TRANSITION", `${user.name}'s account is not locked.`);
    const updated = await updateUserIfUnchanged(tx, user, input.expectedVersion, { lockedUntil: null, failedSignIns: 0 });
    await recordAudit(tx, actor, {
      action: "user.unlocked",
      entityType: "User",
      entityId: user.id,
      before: userSnapshot(user),
      after: userSnapshot(updated),
    });
    return updated;
  });
}
