// Replaces an account's password with a generated one, shown once by the caller. It also lifts a
// lockout, since a reset is what a locked-out person usually needs. The generated password is good
// only for choosing a new one at the next sign-in (mustChangePassword). It also turns off the second
// factor: a reset is how someone who lost their authenticator app and recovery codes gets back in;
// the person is then emailed that it is off, so a reset they did not ask for does not go unnoticed.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { findUserForChange, updateUserIfUnchanged } from "@/lib/users/change-guards";
import { SECOND_FACTOR_OFF } from "@/lib/users/second-factor";
import { noticeAccountChange } from "@/lib/users/account-notice";

export async function resetUserPassword(actor: SessionUser | null, input: { userId: string; expectedVersion: number }) {
  assertCan(actor, "user.manage");
  const password = generatePassword();
  // Hashing takes a moment of CPU: done before the transaction opens, not while it holds a row.
  const passwordHash = await hashPassword(password);
  const { user, secondFactorWasOn } = await db.$transaction(async (tx) => {
    const before = await findUserForChange(tx, input.userId);
    const updated = await updateUserIfUnchanged(tx, before, input.expectedVersion, {
      passwordHash,
      mustChangePassword: true,
      failedSignIns: 0,
      lockedUntil: null,
      sessionsValidFrom: new Date(),
      ...SECOND_FACTOR_OFF,
    });
    await recordAudit(tx, actor, {
      action: "user.passwordReset",
      entityType: "User",
      entityId: before.id,
      before: {
        ...userSnapshot(before),
        password: before.passwordHash ? "set" : "not set",
        twoStepSignIn: before.totpEnabledAt ? "on" : "off",
      },
      after: { ...userSnapshot(updated), password: "replaced", twoStepSignIn: "off" },
    });
    return { user: updated, secondFactorWasOn: before.totpEnabledAt !== null };
  });
  if (secondFactorWasOn) await noticeAccountChange(user, "secondFactorOffByReset");
  return { user: { id: user.id, name: user.name, email: user.email }, password };
}
