// Who is asking. The JWT only says which account; the account itself is re-read on every request,
// so deactivating or re-roling someone takes effect at once.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect, forbidden } from "next/navigation";
import { requireSessionSecret } from "@/lib/auth/options";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { findLiveSession } from "@/lib/auth/user-sessions";
import { decodeSessionToken, sessionTokenOf } from "@/lib/auth/session-token-cache";
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

/** The user behind a session account if they may use the app now, or null. */
export function userWhoMayUseTheApp(found: SessionAccount | null): SessionUser | null {
  // A password an administrator chose is good only for choosing a new one; a required second factor comes first too.
  return found && !found.mustChangePassword && !found.mustSetUpSecondFactor ? found.user : null;
}

/** The account behind a session that may use the app (see findSessionAccount), or null. */
export async function findActiveUser(id: string | undefined | null, sessionId: string | undefined | null): Promise<SessionUser | null> {
  return userWhoMayUseTheApp(await findSessionAccount(id, sessionId));
}

/**
 * The account behind a request's session cookie (see findSessionAccount), from its cookies: the token
 * is decrypted and checked through the decode cache (as proxy.ts reads it), then findSessionAccount
 * reads the session and its account, so signing out, deactivation and a password reset take effect at
 * once, on every server.
 *
 * Pages read it through getCurrentUser. next-auth's getServerSession, used here before, ran its whole
 * session endpoint for this on every page: two key derivations, a decryption and a re-encryption of a
 * cookie it then had nowhere to set, since a server component cannot (issue 24's profile of the period page).
 */
export async function findAccountOfCookies(cookies: readonly { name: string; value: string }[]): Promise<SessionAccount | null> {
  const token = sessionTokenOf(cookies, sessionCookieName());
  const payload = token
    ? await decodeSessionToken({ token, secret: requireSessionSecret() ?? process.env.NEXTAUTH_SECRET ?? "" }).catch(() => null)
    : null;
  return findSessionAccount(typeof payload?.uid === "string" ? payload.uid : null, typeof payload?.sid === "string" ? payload.sid : null);
}

const getSessionAccount = cache(async () => findAccountOfCookies((await cookies()).getAll()));

/** The signed-in user, or null (also while they must still choose a new password). Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => userWhoMayUseTheApp(await getSessionAccount()));

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
