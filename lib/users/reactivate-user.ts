// Lets a deactivated account sign in again, with the role and sections it had.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { findUserForChange, updateUserIfUnchanged } from "@/lib/users/change-guards";

export async function reactivateUser(actor: SessionUser | null, input: { userId: string; expectedVersion: number }) {
  assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    const user = await findUserForChange(tx, input.userId);
    if (user.active) throw new AppError("INVALID_TRANSITION", `${user.name}'s account is already active.`);
    const updated = await updateUserIfUnchanged(tx, user, input.expectedVersion, { active: true });
    await recordAudit(tx, actor, {
      action: "user.reactivated",
      entityType: "User",
      entityId: user.id,
      before: userSnapshot(user),
      after: userSnapshot(updated),
    });
    return updated;
  });
}
