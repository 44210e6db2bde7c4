// Whether an account linked to Microsoft Entra ID may still sign in with its local password. Off
// from the moment of the link (Microsoft then decides: a disabled account, a removed app role, MFA
// and conditional access all apply); an administrator may turn it back on deliberately, say while
// Entra is out of reach, and off again. Either way it is an audited change, compare-and-set on the
// account's administrative version like the other administrators' changes.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { findUserForChange, updateUserIfUnchanged } from "@/lib/users/change-guards";

export async function setLocalSignInAllowed(
  actor: SessionUser | null,
  input: { userId: string; expectedVersion: number },
  allowed: boolean,
) {
  assertCan(actor, "user.allowLocalSignIn");
  return db.$transaction(async (tx) => {
    const user = await findUserForChange(tx, input.userId);
    if (!user.externalId)
      throw new AppError(
        "INVALID_TRANSITION",
        `${user.name}'s account is not linked to Microsoft, so it signs in with its password already.`,
      );
    if (!user.passwordHash) throw new AppError("INVALID_TRANSITION", `${user.name}'s account has no password: reset it to give them one.`);
    if (user.localSignInAllowed === allowed)
      throw new AppError(
        "INVALID_TRANSITION",
        allowed ? `${user.name} can already sign in with a password.` : `${user.name} already signs in with Microsoft only.`,
      );
    const updated = await updateUserIfUnchanged(tx, user, input.expectedVersion, { localSignInAllowed: allowed });
    await recordAudit(tx, actor, {
      action: allowed ? "user.localSignInAllowed" : "user.localSignInRefused",
      entityType: "User",
      entityId: user.id,
      before: { ...userSnapshot(user), localSignInAllowed: user.localSignInAllowed },
      after: { ...userSnapshot(updated), localSignInAllowed: updated.localSignInAllowed },
    });
    return updated;
  });
}
