// Rules shared by the account changes: read the account, refuse stale forms, refuse changes an
// administrator may not make to their own account, and never leave the council without an
// active administrator.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export const staleMessage = (name: string) =>
  `Another administrator changed ${name}'s account after you opened this page, so nothing has been saved. The page now shows the account as it is: check it and try again.`;

export async function findUserForChange(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist");
  return user;
}

/**
 * Updates the account only if no administrator changed it since the form was built. The token is
 * adminVersion, which only these changes bump: sign-ins and failed attempts change other columns,
 * so someone using a stolen password cannot make an administrator's change conflict.
 */
export async function updateUserIfUnchanged(
  tx: Tx,
  user: { id: string; name: string; adminVersion: number },
  expectedVersion: number,
  data: Prisma.UserUpdateManyMutationInput,
) {
  if (user.adminVersion !== expectedVersion) throw new AppError("CONFLICT", staleMessage(user.name));
  const { count } = await tx.user.updateMany({
    where: { id: user.id, adminVersion: expectedVersion },
    data: { ...data, adminVersion: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("CONFLICT", staleMessage(user.name));
  return tx.user.findUniqueOrThrow({ where: { id: user.id } });
}

export function assertNotSelf(actor: SessionUser, userId: string, message: string) {
  if (actor.id === userId) throw new AppError("INVALID_TRANSITION", message);
}

/**
 * Call before demoting or deactivating an active administrator. Locks every active administrator
 * row (in id order, so two of these never deadlock), which serialises two administrators removing
 * each other at the same moment: the second sees the first's change and is refused.
 */
export async function assertAnotherActiveAdministrator(tx: Tx, leavingUserId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active = true ORDER BY id FOR UPDATE`;
  if (!admins.some((a) => a.id !== leavingUserId)) {
    throw new AppError(
      "INVALID_TRANSITION",
      "This is the only active administrator. Make someone else an administrator first, so that someone can still manage users.",
    );
  }
}
