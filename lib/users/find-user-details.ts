// One account in full for its administration page: everything but the password hash, which
// becomes a yes/no.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findUserDetails(actor: SessionUser | null, userId: string) {
  assertCan(actor, "user.manage");
  if (!UUID.test(userId)) throw new AppError("NOT_FOUND", "That user does not exist");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lockedUntil: true,
      lastSignInAt: true,
      failedSignIns: true,
      externalId: true,
      localSignInAllowed: true,
      createdAt: true,
      updatedAt: true,
      adminVersion: true,
      passwordHash: true,
      ownedSections: { select: { section: { select: { id: true, name: true, order: true } } } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist");
  const { passwordHash, ownedSections, ...rest } = user;
  return {
    ...rest,
    // The page needs to know whether a password exists, never the hash itself.
    hasPassword: passwordHash !== null,
    sections: ownedSections.map((o) => o.section).sort((a, b) => a.order - b.order),
  };
}

export type UserDetails = Awaited<ReturnType<typeof findUserDetails>>;
