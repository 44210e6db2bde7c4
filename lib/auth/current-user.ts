// Who is asking. The JWT only says which account; the account itself is re-read on every request,
// so deactivating or re-roling someone takes effect at once.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect, forbidden } from "next/navigation";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * The account behind a session, or null when it is gone, deactivated, or the session signed in
 * before the account's sessions were ended (a password reset or deactivation).
 */
export async function findActiveUser(id: string | undefined | null, authAt = 0): Promise<SessionUser | null> {
  if (!id || typeof id !== "string") return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, active: true, sessionsValidFrom: true } });
  if (!user || !user.active) return null;
  if (user.sessionsValidFrom && authAt < user.sessionsValidFrom.getTime()) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** The signed-in user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  return findActiveUser(session?.user?.id, session?.user?.authAt);
});

/** For pages: signed-out visitors go to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: a role without the permission gets the 403 page. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, action)) forbidden();
  return user;
}
