// Stops an account signing in. It takes effect on the person's next request, because every request
// re-reads the account. Their section ownerships stay, so reactivating restores them as they were.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { assertAnotherActiveAdministrator, assertNotSelf, findUserForChange, updateUserIfUnchanged } from "@/lib/users/change-guards";

export async function deactivateUser(actor: SessionUser | null, input: { userId: string; expectedVersion: number }) {
  assertCan(actor, "user.manage");
  assertNotSelf(actor, input.userId, "You cannot deactivate your own account. Ask another administrator to do it.");

  return db.$transaction(async (tx) => {
    const user = await findUserForChange(tx, input.userId);
    if (!user.active) throw new AppError("INVALID_TRANSITION", `${user.name}'s account is already deactivated.`);
    if (user.role === "ADMIN") await assertAnotherActiveAdministrator(tx, user.id);
    const updated = await updateUserIfUnchanged(tx, user, input.expectedVersion, { active: false, sessionsValidFrom: new Date() });
    await recordAudit(tx, actor, {
      action: "user.deactivated",
      entityType: "User",
      entityId: user.id,
      before: userSnapshot(user),
      after: userSnapshot(updated),
    });
    return updated;
  });
}
