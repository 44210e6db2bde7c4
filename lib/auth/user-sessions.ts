// Server-side sessions. The JWT names a UserSession row; a request counts as signed in only while
// that row is open and younger than the absolute lifetime, so refreshing the JWT never extends a
// session past it, and signing out ends the session here even if someone kept a copy of the token.
import "server-only";
import { db } from "@/lib/db";
import { getToken } from "next-auth/jwt";
import { recordAudit } from "@/lib/audit/record";

const DEFAULT_LIFETIME_HOURS = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SESSION_LIFETIME_HOURS (default 12): how long a session lasts from sign-in, whatever happens. */
export function sessionLifetimeMs(env: Record<string, string | undefined> = process.env): number {
  const hours = Number(env.SESSION_LIFETIME_HOURS ?? DEFAULT_LIFETIME_HOURS);
  return (Number.isFinite(hours) && hours > 0 && hours <= 24 * 30 ? hours : DEFAULT_LIFETIME_HOURS) * 3_600_000;
}

/** Opens a session at sign-in. */
export async function startSession(userId: string): Promise<{ sid: string; authAt: number }> {
  const row = await db.userSession.create({ data: { userId } });
  return { sid: row.id, authAt: row.createdAt.getTime() };
}

/** The session and its account, or null when the session is unknown, ended or too old. */
export async function findLiveSession(sessionId: string | undefined | null, now = Date.now()) {
  if (!sessionId || !UUID.test(sessionId)) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          active: true,
          sessionsValidFrom: true,
          mustChangePassword: true,
          passwordHash: true,
          totpEnabledAt: true,
        },
      },
    },
  });
  if (!session || session.endedAt) return null;
  if (session.createdAt.getTime() + sessionLifetimeMs() <= now) return null;
  return session;
}

/** Ends a session (sign-out). Ending one that is already ended does nothing. */
export async function endSession(sessionId: string | undefined | null): Promise<void> {
  if (!sessionId || !UUID.test(sessionId)) return;
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      include: { user: { select: { id: true, name: true, role: true } } },
    });
    if (!session) return;
    const { count } = await tx.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
    if (count === 1)
      await recordAudit(tx, session.user, {
        action: "signIn.signedOut",
        entityType: "User",
        entityId: session.user.id,
        after: { sessionStarted: session.createdAt },
      });
  });
}

/** Ends the session named by a request's session cookie, if it carries a valid one (POST /logout). */
export async function endSessionOfRequest(req: Parameters<typeof getToken>[0]["req"], secret: string | undefined): Promise<void> {
  const token = await getToken({ req, secret }).catch(() => null);
  await endSession(typeof token?.sid === "string" ? token.sid : null);
}
