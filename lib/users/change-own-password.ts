// Anyone with a local account changes their own password: the current one proves it is them (a wrong
// one counts towards the lockout, as at sign-in), the new one meets the password rules. It also ends
// the person's other sessions (this one carries on) and clears a password an administrator set, which
// was good only for choosing this one. The person is emailed once it is done.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { findPasswordProblem } from "@/lib/auth/password-rules";
import { recordAudit } from "@/lib/audit/record";
import { confirmCurrentPassword } from "@/lib/users/current-password";
import { noticeAccountChange } from "@/lib/users/account-notice";

export type ChangeOwnPasswordInput = { currentPassword: string; newPassword: string; confirmPassword: string };

export async function changeOwnPassword(actor: SessionUser | null, sessionId: string | null, input: ChangeOwnPasswordInput) {
  assertCan(actor, "account.changeOwnPassword");
  if (!sessionId) throw new AppError("UNAUTHENTICATED", "Sign in to change your password");
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || !user.active) throw new AppError("UNAUTHENTICATED", "Sign in to change your password");
  if (!user.passwordHash)
    throw new AppError("INVALID_TRANSITION", "You sign in with Microsoft, so your password is changed there, not here.");
  // Every problem at once, so the person fixes the form in one go (GOV.UK's error summary lists them all).
  const fieldErrors: Record<string, string> = {};
  const newProblem =
    findPasswordProblem(input.newPassword, user.email) ??
    (input.newPassword === input.currentPassword ? "Your new password must be different from your current password" : null);
  if (newProblem) fieldErrors.newPassword = newProblem;
  if (!input.confirmPassword) fieldErrors.confirmPassword = "Confirm your new password";
  else if (input.confirmPassword !== input.newPassword)
    fieldErrors.confirmPassword = "The passwords do not match: type your new password again";
  try {
    await confirmCurrentPassword(actor, { ...user, passwordHash: user.passwordHash }, input.currentPassword, "password change");
  } catch (e) {
    if (!isAppError(e) || e.code !== "VALIDATION") throw e;
    Object.assign(fieldErrors, e.fieldErrors);
  }
  // In the form's order, which is the summary's.
  const ordered = Object.fromEntries(
    (["currentPassword", "newPassword", "confirmPassword"] as const).filter((f) => fieldErrors[f]).map((f) => [f, fieldErrors[f]]),
  );
  if (Object.keys(ordered).length) throw new AppError("VALIDATION", "There is a problem", ordered);

  const passwordHash = await hashPassword(input.newPassword);
  const result = await db.$transaction(async (tx) => {
    // Compare-and-set on the old hash: a reset or another change in between wins, and this is refused.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, failedSignIns: 0 },
    });
    if (count !== 1)
      throw new AppError("CONFLICT", "Your password was changed by someone else a moment ago. Sign in again and try once more.");
    const ended = await tx.userSession.updateMany({
      where: { userId: user.id, endedAt: null, NOT: { id: sessionId } },
      data: { endedAt: new Date() },
    });
    await recordAudit(tx, actor, {
      action: "user.passwordChanged",
      entityType: "User",
      entityId: user.id,
      after: { chosenAfterReset: user.mustChangePassword, otherSessionsEnded: ended.count },
    });
    return { forced: user.mustChangePassword };
  });
  await noticeAccountChange(user, "passwordChanged");
  return result;
}
