// The optional second factor for local accounts: a TOTP authenticator app, with recovery codes.
// Turning it on needs the current password and a code from the app, which proves the person saved the
// secret; turning it off needs the current password, and is refused where it is required. Signing in
// then needs a code (or one recovery code, used once) after the password: lib/auth/sign-in.ts asks
// checkSecondFactor. With SECOND_FACTOR_REQUIRED=true, administrators and the director must set it up.
// The secret is stored sealed (lib/auth/totp-keys.ts), the recovery codes salted and hashed.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { base32Decode, generateRecoveryCodes, matchTotp } from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-keys";
import { findRecoveryHash, hashRecoveryCodes } from "@/lib/auth/totp-recovery-codes";
import { confirmCurrentPassword } from "@/lib/users/current-password";
import { noticeAccountChange } from "@/lib/users/account-notice";

const REQUIRED_FOR: readonly Role[] = ["ADMIN", "DIRECTOR"];

/** Whether this account must set up a second factor before using the app (the setting, its role, a local password). */
export function mustSetUpSecondFactor(
  user: { role: Role; passwordHash: string | null; totpEnabledAt: Date | null },
  env: Record<string, string | undefined> = process.env,
): boolean {
  return (
    env.SECOND_FACTOR_REQUIRED === "true" && REQUIRED_FOR.includes(user.role) && user.passwordHash !== null && user.totpEnabledAt === null
  );
}

/** What the two-step page shows: whether it is on, whether it may be turned off, and whether this account signs in with a password at all. */
export async function findSecondFactorStatus(actor: SessionUser | null, env: Record<string, string | undefined> = process.env) {
  assertCan(actor, "account.secondFactor");
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { role: true, passwordHash: true, totpEnabledAt: true, totpRecoveryHashes: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to set up two-step sign-in");
  return {
    local: user.passwordHash !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpRecoveryHashes.length,
    required: mustSetUpSecondFactor({ ...user, totpEnabledAt: null }, env),
  };
}

const codeProblem = (message: string) => new AppError("VALIDATION", "There is a problem", { code: message });

async function findLocalAccount(actor: SessionUser) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || !user.active) throw new AppError("UNAUTHENTICATED", "Sign in to change two-step sign-in");
  if (!user.passwordHash)
    throw new AppError("INVALID_TRANSITION", "You sign in with Microsoft, so two-step sign-in is set up there, not here.");
  return { ...user, passwordHash: user.passwordHash };
}

export async function enableSecondFactor(
  actor: SessionUser | null,
  input: { currentPassword: string; secret: string; code: string },
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.secondFactor");
  const user = await findLocalAccount(actor);
  if (user.totpEnabledAt) throw new AppError("INVALID_TRANSITION", "Two-step sign-in is already on for your account.");
  let valid = false;
  try {
    valid = base32Decode(input.secret).length >= 16;
  } catch {
    valid = false;
  }
  if (!valid) throw new AppError("VALIDATION", "Reload the page and try again");
  // Both missing fields at once, in the form's order; then the password, under the lockout, before the code.
  const missing = {
    ...(input.code.trim() ? {} : { code: "Enter the 6-digit code from your authenticator app" }),
    ...(input.currentPassword ? {} : { currentPassword: "Enter your current password" }),
  };
  if (Object.keys(missing).length) throw new AppError("VALIDATION", "There is a problem", missing);
  await confirmCurrentPassword(actor, user, input.currentPassword, "two-step sign-in on", now);
  const step = matchTotp(input.secret, input.code, now, null);
  if (step === null) throw codeProblem("The code is not right: enter the 6-digit code your app shows now");

  const recoveryCodes = generateRecoveryCodes();
  // scrypt and sealing before the transaction opens, not while it holds the row.
  const data = {
    totpSecret: sealTotpSecret(input.secret, user.id),
    totpEnabledAt: now,
    totpLastStep: step,
    totpRecoveryHashes: await hashRecoveryCodes(recoveryCodes),
    totpUsedRecoveryHashes: [],
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, totpEnabledAt: null }, data });
    if (count !== 1) throw new AppError("CONFLICT", "Two-step sign-in was turned on a moment ago, from another page.");
    await recordAudit(tx, actor, {
      action: "user.secondFactorEnabled",
      entityType: "User",
      entityId: user.id,
      after: { method: "totp", recoveryCodes: recoveryCodes.length },
    });
  });
  await noticeAccountChange(user, "secondFactorOn", now);
  return { recoveryCodes };
}

/** The person turns their own second factor off: needs the current password; refused where it is required. */
export async function disableSecondFactor(
  actor: SessionUser | null,
  input: { currentPassword: string },
  now = new Date(),
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  assertCan(actor, "account.secondFactor");
  const user = await findLocalAccount(actor);
  if (!user.totpEnabledAt) throw new AppError("INVALID_TRANSITION", "Two-step sign-in is already off for your account.");
  if (mustSetUpSecondFactor({ ...user, totpEnabledAt: null }, env))
    throw new AppError("INVALID_TRANSITION", "Administrators and the director must use two-step sign-in, so it cannot be turned off.");
  await confirmCurrentPassword(actor, user, input.currentPassword, "two-step sign-in off", now);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, totpEnabledAt: user.totpEnabledAt }, data: SECOND_FACTOR_OFF });
    if (count !== 1) throw new AppError("CONFLICT", "Two-step sign-in was changed a moment ago, from another page.");
    await recordAudit(tx, actor, {
      action: "user.secondFactorDisabled",
      entityType: "User",
      entityId: user.id,
      before: { twoStepSignIn: "on", recoveryCodesLeft: user.totpRecoveryHashes.length },
      after: { twoStepSignIn: "off" },
    });
  });
  await noticeAccountChange(user, "secondFactorOff", now);
}

/** What turning the second factor off stores (also by an administrator's password reset). */
export const SECOND_FACTOR_OFF = {
  totpSecret: null,
  totpEnabledAt: null,
  totpLastStep: null,
  totpRecoveryHashes: [],
  totpUsedRecoveryHashes: [],
};

type SecondFactorAccount = {
  id: string;
  email: string;
  totpSecret: string | null;
  totpLastStep: number | null;
  totpRecoveryHashes: string[];
  totpUsedRecoveryHashes: string[];
};

/**
 * For sign-in, after the password: true when the code is the app's current code (never one
 * accepted before) or an unused recovery code, which is then used up. Compare-and-set, so two
 * sign-ins cannot both use one code. A used recovery code given again is refused and audited.
 */
export async function checkSecondFactor(user: SecondFactorAccount, code: string, now: Date): Promise<boolean> {
  if (!user.totpSecret || !code.trim()) return false;
  let opened: ReturnType<typeof openTotpSecret> | null = null;
  try {
    opened = openTotpSecret(user.totpSecret, user.id);
  } catch (e) {
    // A key taken out of the settings too soon: recovery codes still work, and the operator must hear of it.
    console.error(`Two-step sign-in for ${user.email}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const step = opened ? matchTotp(opened.secret, code, now, user.totpLastStep) : null;
  if (opened && step !== null) {
    const { count } = await db.user.updateMany({
      where: { id: user.id, totpSecret: user.totpSecret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      // A secret from before sealing, or under a retired key, is sealed again under the current key.
      data: { totpLastStep: step, ...(opened.current ? {} : { totpSecret: sealTotpSecret(opened.secret, user.id) }) },
    });
    return count === 1;
  }
  const hash = await findRecoveryHash(code, [...user.totpRecoveryHashes, ...user.totpUsedRecoveryHashes]);
  if (!hash) return false;
  if (!user.totpRecoveryHashes.includes(hash)) {
    await recordRecoveryCodeReuse(user);
    return false;
  }
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpRecoveryHashes: { has: hash } },
    data: { totpRecoveryHashes: user.totpRecoveryHashes.filter((h) => h !== hash), totpUsedRecoveryHashes: { push: hash } },
  });
  // Lost the race to another sign-in with the same code: that is a reuse too.
  if (count !== 1) await recordRecoveryCodeReuse(user);
  return count === 1;
}

/** A used recovery code given again means someone else has it: worth an audit event of its own. */
async function recordRecoveryCodeReuse(user: { id: string; email: string }) {
  await db.$transaction((tx) =>
    recordAudit(tx, SYSTEM_ACTOR, {
      action: "user.recoveryCodeReused",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email },
    }),
  );
}
