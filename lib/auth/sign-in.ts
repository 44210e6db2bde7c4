// Checks an email and password. Each check is claimed in the database before the password is
// verified, so at most 5 checks happen per lock window however many attempts arrive at once; the 5th
// failure locks the account for 15 minutes. A client address is backed off across all accounts.
// Every outcome is an audit event.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";
import { claimAddressAttempt, releaseAddressAttempt } from "@/lib/auth/address-throttle";
import { checkSecondFactor } from "@/lib/users/second-factor";

export type SignInFailure = "INVALID" | "LOCKED" | "THROTTLED" | "SECOND_FACTOR" | "SECOND_FACTOR_INVALID";
export type SignInResult = { ok: true; user: SessionUser; mustChangePassword: boolean } | { ok: false; reason: SignInFailure };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Claims one password check for the account: allowed while it is not locked and fewer than 5
 * checks are counted (in flight or failed); a lock that has run out starts a new count.
 * Raw SQL, so the claim is one atomic statement.
 */
async function claimAccountAttempt(userId: string, now: Date): Promise<number | null> {
  const rows = await db.$queryRaw<{ failedSignIns: number }[]>`
    UPDATE "User" SET
      "failedSignIns" = CASE WHEN "lockedUntil" <= ${now} THEN 1 ELSE "failedSignIns" + 1 END,
      "lockedUntil" = CASE WHEN "lockedUntil" <= ${now} THEN NULL ELSE "lockedUntil" END
    WHERE id = ${userId}::uuid
      AND ("lockedUntil" <= ${now} OR ("lockedUntil" IS NULL AND "failedSignIns" < ${MAX_FAILED_SIGN_INS}))
    RETURNING "failedSignIns"`;
  return rows[0]?.failedSignIns ?? null;
}

async function recordFailure(email: string, userId: string | null, reason: SignInFailure, address: string | null) {
  await db.$transaction((tx) =>
    recordAudit(tx, SYSTEM_ACTOR, {
      action: "signIn.failed",
      entityType: "User",
      entityId: userId ?? email,
      after: { email, reason, address },
    }),
  );
}

export async function authenticate(
  emailInput: string,
  password: string,
  now = new Date(),
  address: string | null = null,
  secondFactorCode = "",
): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const fail = async (reason: SignInFailure, userId: string | null = null): Promise<SignInResult> => {
    await recordFailure(email, userId, reason, address);
    return { ok: false, reason };
  };
  if (address && !(await claimAddressAttempt(address, now))) return fail("THROTTLED");

  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.passwordHash || !user.active) {
    await verifyPassword(await timingDummyHash(), password);
    return fail("INVALID", user?.id ?? null);
  }
  const claimed = await claimAccountAttempt(user.id, now);
  if (claimed === null) {
    // No password was checked, so the address keeps its allowance.
    if (address) await releaseAddressAttempt(address);
    return fail("LOCKED", user.id);
  }

  // With a second factor on, a right password and a missing or wrong code is still a failed attempt:
  // it counts towards the lock, so codes cannot be guessed without limit either.
  const passwordOk = await verifyPassword(user.passwordHash, password);
  const secondFactorOk = !passwordOk || !user.totpEnabledAt || (await checkSecondFactor(user, secondFactorCode, now));
  if (!passwordOk || !secondFactorOk) {
    const reason: SignInFailure = passwordOk ? (secondFactorCode.trim() ? "SECOND_FACTOR_INVALID" : "SECOND_FACTOR") : "INVALID";
    // A right password with no code yet is the first half of every two-step sign-in, not a guess:
    // it must not use up the allowance of an office that signs in from one address.
    if (reason === "SECOND_FACTOR" && address) await releaseAddressAttempt(address);
    if (claimed < MAX_FAILED_SIGN_INS) return fail(reason, user.id);
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
          after: { email, lockedUntil, address },
        });
    });
    return fail("LOCKED", user.id);
  }

  if (address) await releaseAddressAttempt(address);
  // A success clears the count, but never a lock set meanwhile by another attempt.
  await db.user.updateMany({ where: { id: user.id, lockedUntil: null }, data: { failedSignIns: 0, lastSignInAt: now } });
  const sessionUser = { id: user.id, name: user.name, email: user.email, role: user.role };
  await db.$transaction((tx) =>
    recordAudit(tx, sessionUser, {
      action: "signIn.succeeded",
      entityType: "User",
      entityId: user.id,
      after: { method: user.totpEnabledAt ? "password and authenticator" : "password", address },
    }),
  );
  return { ok: true, user: sessionUser, mustChangePassword: user.mustChangePassword };
}
