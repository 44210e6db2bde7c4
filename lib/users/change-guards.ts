// Rules shared by the account changes: read the account, refuse stale forms, refuse changes an
// administrator may not make to their own account, and never leave the council without an
// active administrator.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export const staleMessage = (name: string) =>
  `${name}'s account changed after you opened this page (perhaps they signed in, or another administrator changed it), so nothing has been saved. The page now shows the account as it is: check it and try again.`;

export async function findUserForChange(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist");
  return user;
}

/**
 * Updates the account only if it is still as the form saw it (updatedAt is the version token);
 * any other change in between, including a sign-in, makes this a conflict.
 */
export async function updateUserIfUnchanged(tx: Tx, user: { id: string; name: string; updatedAt: Date }, expectedUpdatedAt: Date, data: Prisma.UserUpdateManyMutationInput) {
  if (user.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new AppError("CONFLICT", staleMessage(user.name));
  const { count } = await tx.user.updateMany({ where: { id: user.id, updatedAt: expectedUpdatedAt }, data: { ...data, updatedAt: new Date() } });
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
    throw new AppError("INVALID_TRANSITION", "This is the only active administrator. Make someone else an administrator first, so that someone can still manage users.");
  }
}
