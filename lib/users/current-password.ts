// A signed-in person proves it is them before changing their own password or two-step sign-in: their
// current password, checked under the same lockout as sign-in (the same atomic claim, one count for
// both), so a session left open on a shared computer is no way round the 5-attempt limit.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { claimAccountAttempt, clearAccountFailures, recordAccountFailure } from "@/lib/auth/sign-in-lockout";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";

const problem = (message: string) => new AppError("VALIDATION", "There is a problem", { currentPassword: message });

const LOCKED_MESSAGE = `Your account is locked after ${MAX_FAILED_SIGN_INS} wrong passwords. Try again in ${LOCK_MINUTES} minutes, or ask an administrator to unlock it`;

/** Throws a field error on currentPassword unless it is right; a wrong one counts towards the lockout and is audited. */
export async function confirmCurrentPassword(
  actor: SessionUser,
  user: { id: string; email: string; passwordHash: string },
  password: string,
  purpose: "password change" | "two-step sign-in on" | "two-step sign-in off",
  now = new Date(),
): Promise<void> {
  if (!password) throw problem("Enter your current password");
  const claimed = await claimAccountAttempt(user.id, now);
  // Locked: the password is not even checked, as at sign-in, so a right one cannot lift the lock.
  if (claimed === null) throw problem(LOCKED_MESSAGE);
  if (await verifyPassword(user.passwordHash, password)) {
    await clearAccountFailures(user.id);
    return;
  }
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "user.currentPasswordRefused",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, for: purpose, attempt: claimed },
    }),
  );
  if (await recordAccountFailure(user, claimed, now)) throw problem(LOCKED_MESSAGE);
  throw problem("Your current password is not right");
}
