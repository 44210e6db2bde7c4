// The optional second factor for local accounts: a TOTP authenticator app, with recovery codes.
// Turning it on needs a code from the app, which proves the person saved the secret. Signing in then
// needs a code (or one recovery code, used once) after the password: lib/auth/sign-in.ts asks
// checkSecondFactor. With SECOND_FACTOR_REQUIRED=true, administrators and the director must set it up.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { base32Decode, generateRecoveryCodes, hashRecoveryCode, matchTotp } from "@/lib/auth/totp";

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

/** What the two-step page shows: whether it is on, and whether this account signs in with a password at all. */
export async function findSecondFactorStatus(actor: SessionUser | null) {
  assertCan(actor, "account.secondFactor");
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true, totpEnabledAt: true, totpRecoveryHashes: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to set up two-step sign-in");
  return { local: user.passwordHash !== null, enabledAt: user.totpEnabledAt, recoveryCodesLeft: user.totpRecoveryHashes.length };
}

const codeProblem = (message: string) => new AppError("VALIDATION", "There is a problem", { code: message });

export async function enableSecondFactor(
  actor: SessionUser | null,
  input: { secret: string; code: string },
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.secondFactor");
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || !user.active) throw new AppError("UNAUTHENTICATED", "Sign in to set up two-step sign-in");
  if (!user.passwordHash)
    throw new AppError("INVALID_TRANSITION", "You sign in with Microsoft, so two-step sign-in is set up there, not here.");
  if (user.totpEnabledAt) throw new AppError("INVALID_TRANSITION", "Two-step sign-in is already on for your account.");
  let valid = false;
  try {
    valid = base32Decode(input.secret).length >= 16;
  } catch {
    valid = false;
  }
  if (!valid) throw new AppError("VALIDATION", "Reload the page and try again");
  if (!input.code.trim()) throw codeProblem("Enter the 6-digit code from your authenticator app");
  const step = matchTotp(input.secret, input.code, now, null);
  if (step === null) throw codeProblem("The code is not right: enter the 6-digit code your app shows now");

  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null },
      data: { totpSecret: input.secret, totpEnabledAt: now, totpLastStep: step, totpRecoveryHashes: recoveryCodes.map(hashRecoveryCode) },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Two-step sign-in was turned on a moment ago, from another page.");
    await recordAudit(tx, actor, {
      action: "user.secondFactorEnabled",
      entityType: "User",
      entityId: user.id,
      after: { method: "totp", recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}

/**
 * For sign-in, after the password: true when the code is the app's current code (never one
 * accepted before) or an unused recovery code, which is then used up. Compare-and-set, so two
 * sign-ins cannot both use one code.
 */
export async function checkSecondFactor(
  user: { id: string; totpSecret: string | null; totpLastStep: number | null; totpRecoveryHashes: string[] },
  code: string,
  now: Date,
): Promise<boolean> {
  if (!user.totpSecret || !code.trim()) return false;
  const step = matchTotp(user.totpSecret, code, now, user.totpLastStep);
  if (step !== null) {
    const { count } = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }
  const hash = hashRecoveryCode(code);
  if (!user.totpRecoveryHashes.includes(hash)) return false;
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpRecoveryHashes: { has: hash } },
    data: { totpRecoveryHashes: user.totpRecoveryHashes.filter((h) => h !== hash) },
  });
  return count === 1;
}
