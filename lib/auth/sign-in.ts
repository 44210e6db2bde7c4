// Checks an email and password. Each check is claimed before the password is verified
// (lib/auth/sign-in-lockout.ts), so at most 5 checks happen per lock window however many attempts
// arrive at once; the 5th failure locks the account for 15 minutes. A client address is backed off
// across all accounts. Every outcome is an audit event (refusals of the back-off, one per window).
//
// Nothing here may tell an unknown email from a real one: both get the same answer (a locked account's
// is shown in the same words, see publicSignInError) after an argon2 verification. What only the right
// password may learn (the account signs in with Microsoft, or its temporary password has expired) is
// said only after the right password.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { adminSetPasswordExpired } from "@/lib/auth/sign-in-limits";
import { claimAddressAttempt, countRefusedAttempt, releaseAddressAttempt } from "@/lib/auth/address-throttle";
import { claimAccountAttempt, clearAccountFailures, recordAccountFailure } from "@/lib/auth/sign-in-lockout";
import { checkSecondFactor } from "@/lib/users/second-factor";

// The lockout claim, exported here too for the callers that imported it from sign-in.
export { claimAccountAttempt, recordAccountFailure } from "@/lib/auth/sign-in-lockout";

export type SignInFailure =
  "INVALID" | "LOCKED" | "THROTTLED" | "SECOND_FACTOR" | "SECOND_FACTOR_INVALID" | "ENTRA_ONLY" | "PASSWORD_EXPIRED";
export type SignInResult = { ok: true; user: SessionUser; mustChangePassword: boolean } | { ok: false; reason: SignInFailure };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

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

/** An argon2 verification whose answer is thrown away: the refusals that check no password take as long as those that do. */
async function spendVerificationTime(password: string): Promise<void> {
  await verifyPassword(await timingDummyHash(), password);
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
  if (address && !(await claimAddressAttempt(address, now))) {
    // Counted on the address's row; the audit log gets one event per address and window.
    await countRefusedAttempt(address, email);
    return { ok: false, reason: "THROTTLED" };
  }

  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.passwordHash || !user.active) {
    await spendVerificationTime(password);
    return fail("INVALID", user?.id ?? null);
  }
  const claimed = await claimAccountAttempt(user.id, now);
  if (claimed === null) {
    await spendVerificationTime(password);
    // No password was checked, so the address keeps its allowance.
    if (address) await releaseAddressAttempt(address);
    return fail("LOCKED", user.id);
  }

  const passwordOk = await verifyPassword(user.passwordHash, password);
  // The right password, refused for what it is: not a guess, so neither count keeps the claim.
  const refuseRightPassword = async (reason: SignInFailure) => {
    if (address) await releaseAddressAttempt(address);
    await clearAccountFailures(user.id);
    return fail(reason, user.id);
  };
  // Linked to Entra ID: Microsoft decides (disabled accounts, app roles, MFA, conditional access).
  if (passwordOk && user.externalId && !user.localSignInAllowed) return refuseRightPassword("ENTRA_ONLY");
  if (passwordOk && adminSetPasswordExpired(user, now)) return refuseRightPassword("PASSWORD_EXPIRED");

  // With a second factor on, a right password and a missing or wrong code is still a failed attempt:
  // it counts towards the lock, so codes cannot be guessed without limit either.
  const secondFactorOk = !passwordOk || !user.totpEnabledAt || (await checkSecondFactor(user, secondFactorCode, now));
  if (!passwordOk || !secondFactorOk) {
    const reason: SignInFailure = passwordOk ? (secondFactorCode.trim() ? "SECOND_FACTOR_INVALID" : "SECOND_FACTOR") : "INVALID";
    // A right password with no code yet is the first half of every two-step sign-in, not a guess:
    // it must not use up the allowance of an office that signs in from one address.
    if (reason === "SECOND_FACTOR" && address) await releaseAddressAttempt(address);
    const locked = await recordAccountFailure(user, claimed, now, address);
    return fail(locked ? "LOCKED" : reason, user.id);
  }

  if (address) await releaseAddressAttempt(address);
  await clearAccountFailures(user.id, { lastSignInAt: now });
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
