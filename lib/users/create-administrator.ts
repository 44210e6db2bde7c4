// The first administrator of a new installation (and any later one made from the server's command
// line): `npm run create-admin`. Whoever can run commands on the server is trusted, so there is no
// signed-in actor; the audit event names the command instead.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { zodFieldErrors } from "@/lib/action-result";
import { passwordSchema, userEmailSchema, userNameSchema } from "@/lib/users/user-input";
import { userSnapshot } from "@/lib/users/user-snapshot";

export const COMMAND_LINE_ACTOR = { id: null, name: "Command line (npm run create-admin)", role: null } as const;

const administratorSchema = z.object({ name: userNameSchema, email: userEmailSchema, password: passwordSchema });

export async function createAdministrator(input: { name: string; email: string; password: string }) {
  const parsed = administratorSchema.safeParse(input);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error);
    throw new AppError("VALIDATION", Object.values(errors).join("; "), errors);
  }
  const { name, email, password } = parsed.data;
  const taken = () =>
    new AppError(
      "VALIDATION",
      `${email} already has an account: nothing was changed. Choose another email address, or sign in as an administrator and manage that account under Users.`,
      { email: "taken" },
    );
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw taken();

  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, role: "ADMIN", passwordHash } });
      await recordAudit(tx, COMMAND_LINE_ACTOR, { action: "user.added", entityType: "User", entityId: user.id, after: userSnapshot(user) });
      return { id: user.id, name: user.name, email: user.email };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}
