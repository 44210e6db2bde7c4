// Adds an account with a generated password, which the caller shows once and never stores.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { newUserSchema, type NewUserInput } from "@/lib/users/user-input";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { zodFieldErrors } from "@/lib/action-result";

export const emailTakenMessage = (email: string) => `${email} already has an account. Find it in the list of users instead.`;

export async function addUser(actor: SessionUser | null, input: NewUserInput) {
  assertCan(actor, "user.manage");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "There is a problem", zodFieldErrors(parsed.error));
  const { name, email, role } = parsed.data;

  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("VALIDATION", "There is a problem", { email: emailTakenMessage(email) });
  }
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name, email, role, passwordHash, mustChangePassword: true } });
      await recordAudit(tx, actor, { action: "user.added", entityType: "User", entityId: created.id, after: userSnapshot(created) });
      return created;
    });
    return { user: { id: user.id, name: user.name, email: user.email, role: user.role }, password };
  } catch (e) {
    // Two administrators adding the same person at once: the unique email lets one through.
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "There is a problem", { email: emailTakenMessage(email) });
    throw e;
  }
}
