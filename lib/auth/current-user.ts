// Who is asking. The JWT only says which account; the account itself is re-read on every request,
// so deactivating or re-roling someone takes effect at once.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { redirect, forbidden } from "next/navigation";
import { authOptions, requireSessionSecret } from "@/lib/auth/options";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { findLiveSession } from "@/lib/auth/user-sessions";
import { decodeSessionToken } from "@/lib/auth/session-token-cache";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { mustSetUpSecondFactor } from "@/lib/users/second-factor";

/**
 * The account behind a session, and whether it must choose a new password first; null when the
 * session is unknown, signed out, past its absolute lifetime, belongs to another account, or signed
 * in before the account's sessions were ended (a password reset or deactivation), or the account
 * is gone or deactivated.
 */
/** mustSetUpSecondFactor: SECOND_FACTOR_REQUIRED is on and this administrator or director has none yet. */
export type SessionAccount = { user: SessionUser; mustChangePassword: boolean; mustSetUpSecondFactor: boolean; sessionId: string };

export async function findSessionAccount(
  id: string | undefined | null,
  sessionId: string | undefined | null,
): Promise<SessionAccount | null> {
  if (!id || typeof id !== "string") return null;
  const session = await findLiveSession(sessionId);
  if (!session || session.userId !== id) return null;
  const { user } = session;
  if (!user.active) return null;
  if (user.sessionsValidFrom && session.createdAt < user.sessionsValidFrom) return null;
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    mustChangePassword: user.mustChangePassword,
    mustSetUpSecondFactor: mustSetUpSecondFactor(user),
    sessionId: session.id,
  };
}

/** The account behind a session that may use the app (see findSessionAccount), or null. */
export async function findActiveUser(id: string | undefined | null, sessionId: string | undefined | null): Promise<SessionUser | null> {
  const found = await findSessionAccount(id, sessionId);
  // A password an administrator chose is good only for choosing a new one; a required second factor comes first too.
  return found && !found.mustChangePassword && !found.mustSetUpSecondFactor ? found.user : null;
}

/**
 * For the one Pages Router API route (pages/api/pack-page), where next/headers does not exist: the same
 * rules as getCurrentUser, from the request's session cookie. The JWT is decrypted and checked here
 * (as getServerSession does), then findActiveUser reads the session row and its account: one indexed
 * query, so signing out, deactivation and a password reset still take effect at once, on every server.
 */
export async function findUserOfRequest(req: Parameters<typeof getToken>[0]["req"]): Promise<SessionUser | null> {
  const token = await getToken({
    req,
    secret: requireSessionSecret() ?? process.env.NEXTAUTH_SECRET,
    decode: decodeSessionToken,
    cookieName: sessionCookieName(),
  }).catch(() => null);
  return findActiveUser(typeof token?.uid === "string" ? token.uid : null, typeof token?.sid === "string" ? token.sid : null);
}

const getSessionAccount = cache(async () => {
  const session = await getServerSession(authOptions);
  return findSessionAccount(session?.user?.id, session?.user?.sid);
});

/** The signed-in user, or null (also while they must still choose a new password). Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const found = await getSessionAccount();
  return found && !found.mustChangePassword && !found.mustSetUpSecondFactor ? found.user : null;
});

/** For the change-password and two-step pages and actions only: the signed-in user even before they chose a new password or set up a required second factor. */
export async function getUserChangingPassword(): Promise<SessionAccount | null> {
  return getSessionAccount();
}

/** For pages: signed-out visitors go to sign-in; someone who must choose a new password, to that page. */
export async function requireUser(): Promise<SessionUser> {
  const found = await getSessionAccount();
  if (found?.mustChangePassword) redirect("/account/password");
  if (found?.mustSetUpSecondFactor) redirect("/account/two-step");
  if (!found) redirect("/login");
  return found.user;
}

/** For pages: a role without the permission gets the 403 page. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, action)) forbidden();
  return user;
}
