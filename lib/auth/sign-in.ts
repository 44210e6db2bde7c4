// Checks an email and password, counting failures: 5 in a row lock the account for 15 minutes.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";


export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "INVALID" | "LOCKED" };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function authenticate(emailInput: string, password: string, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.passwordHash || !user.active) {
    await verifyPassword(await timingDummyHash(), password);
    return { ok: false, reason: "INVALID" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "LOCKED" };

  if (!(await verifyPassword(user.passwordHash, password))) {
    // The increment is atomic, so concurrent guesses cannot slip past the limit.
    const updated = await db.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
    if (updated.failedSignIns >= MAX_FAILED_SIGN_INS) {
      const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignIns: 0 } });
        await recordAudit(tx, SYSTEM_ACTOR, { action: "user.locked", entityType: "User", entityId: user.id, after: { email, lockedUntil } });
      });
      return { ok: false, reason: "LOCKED" };
    }
    return { ok: false, reason: "INVALID" };
  }

  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
