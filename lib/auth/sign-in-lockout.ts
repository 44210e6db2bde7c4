// The account lockout, for every check of a person's password or code (sign-in, and anything else
// that asks for the current password): claim a check before verifying it, then report a failure.
// At most 5 checks happen per lock window however many arrive at once; the 5th failure locks the
// account for 15 minutes. Keep these two signatures stable: other checks than sign-in call them.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";

/**
 * Claims one check for the account: allowed while it is not locked and fewer than 5 checks are
 * counted (in flight or failed); a lock that has run out starts a new count. Returns the count
 * including this claim, or null when the account is locked (then check nothing).
 * Raw SQL, so the claim is one atomic statement.
 */
export async function claimAccountAttempt(userId: string, now: Date): Promise<number | null> {
  const rows = await db.$queryRaw<{ failedSignIns: number }[]>`
    UPDATE "User" SET
      "failedSignIns" = CASE WHEN "lockedUntil" <= ${now} THEN 1 ELSE "failedSignIns" + 1 END,
      "lockedUntil" = CASE WHEN "lockedUntil" <= ${now} THEN NULL ELSE "lockedUntil" END
    WHERE id = ${userId}::uuid
      AND ("lockedUntil" <= ${now} OR ("lockedUntil" IS NULL AND "failedSignIns" < ${MAX_FAILED_SIGN_INS}))
    RETURNING "failedSignIns"`;
  return rows[0]?.failedSignIns ?? null;
}

/**
 * After a claimed check failed: the claim stays counted, and the 5th locks the account (one
 * `user.locked` audit event, however many attempts end at once). True when the account is now locked.
 */
export async function recordAccountFailure(
  user: { id: string; email: string },
  claimed: number,
  now: Date,
  address: string | null = null,
): Promise<boolean> {
  if (claimed < MAX_FAILED_SIGN_INS) return false;
  const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, lockedUntil: null, failedSignIns: { gte: MAX_FAILED_SIGN_INS } },
      data: { lockedUntil },
    });
    if (count === 1)
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "user.locked",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, lockedUntil, address },
      });
  });
  return true;
}

/**
 * After a claimed check found the right password: the count starts again, but a lock set meanwhile
 * by another attempt stays.
 */
export async function clearAccountFailures(userId: string, data: { lastSignInAt?: Date } = {}): Promise<void> {
  await db.user.updateMany({ where: { id: userId, lockedUntil: null }, data: { failedSignIns: 0, ...data } });
}
