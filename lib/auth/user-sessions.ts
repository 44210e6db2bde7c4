// Server-side sessions. The JWT names a UserSession row; a request counts as signed in only while
// that row is open and younger than the absolute lifetime, so refreshing the JWT never extends a
// session past it, and signing out ends the session here even if someone kept a copy of the token.
// The row and its account are kept in memory per process while the cache listener is listening
// (lib/cache/invalidation.ts), and dropped when the database says either changed, on any server.
import "server-only";
import { db } from "@/lib/db";
import { getToken } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { recordAudit } from "@/lib/audit/record";
import { isListening, onInvalidate, onInvalidateAll } from "@/lib/cache/invalidation";
import { mustSetUpSecondFactor } from "@/lib/users/second-factor";

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

const readSession = (id: string) =>
  db.userSession.findUnique({
    where: { id },
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
type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

/** A backstop: a notification that never came (a connection that died unnoticed) is outlived by this. */
const SESSION_CACHE_MAX_AGE_MS = 5 * 60_000;
const SESSION_CACHE_MAX_ENTRIES = 10_000;

/**
 * Open sessions by id (lower case, as PostgreSQL writes a uuid in a notification). `epoch` counts
 * every drop: a lookup stores what it read only if none came while it was reading, since a change
 * committed meanwhile may have been announced before its (older) copy would have been stored.
 * On globalThis, as the listener is: one cache per process, whichever bundle asks.
 */
type SessionCache = { entries: Map<string, { row: SessionRow; storedAt: number }>; epoch: number };
const CACHE_KEY = Symbol.for("scrutiny-pack.session-cache");

function sessionCache(): SessionCache {
  const g = globalThis as { [CACHE_KEY]?: SessionCache };
  if (g[CACHE_KEY]) return g[CACHE_KEY];
  const cache: SessionCache = { entries: new Map(), epoch: 0 };
  g[CACHE_KEY] = cache;
  onInvalidate("session", (id) => {
    cache.epoch++;
    cache.entries.delete(id);
  });
  onInvalidate("user", (id) => {
    cache.epoch++;
    for (const [sid, { row }] of cache.entries) if (row.userId === id) cache.entries.delete(sid);
  });
  onInvalidateAll(() => {
    cache.epoch++;
    cache.entries.clear();
  });
  return cache;
}

function cachedSession(cache: SessionCache, key: string): SessionRow | null {
  const found = cache.entries.get(key);
  if (!found) return null;
  if (performance.now() - found.storedAt <= SESSION_CACHE_MAX_AGE_MS) return found.row;
  cache.entries.delete(key);
  return null;
}

function storeSession(cache: SessionCache, key: string, row: SessionRow) {
  // Not kept while the account must choose a password or set up a second factor: the very next
  // request (often rendered in the same response as the change) must see the change, not wait for
  // the notification from this process's own write.
  if (row.endedAt || row.user.mustChangePassword || mustSetUpSecondFactor(row.user)) return;
  // Oldest first out: a Map iterates in insertion order.
  if (cache.entries.size >= SESSION_CACHE_MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(key, { row, storedAt: performance.now() });
}

/** The session and its account, or null when the session is unknown, ended or too old. */
export async function findLiveSession(sessionId: string | undefined | null, now = Date.now()) {
  if (!sessionId || !UUID.test(sessionId)) return null;
  const key = sessionId.toLowerCase();
  const cache = sessionCache();
  const listening = isListening();
  let session = listening ? cachedSession(cache, key) : null;
  if (!session) {
    const epoch = cache.epoch;
    session = await readSession(key);
    if (session && listening && isListening() && cache.epoch === epoch) storeSession(cache, key, session);
  }
  if (!session || session.endedAt) return null;
  // Checked on every request, from the row's createdAt, cached or not.
  if (session.createdAt.getTime() + sessionLifetimeMs() <= now) return null;
  // A copy, so a caller changing what it got cannot change what the next request gets.
  return { ...session, user: { ...session.user } };
}

/** This process forgets a session at once, without waiting for its own notification to come back. */
function forgetSession(sessionId: string) {
  const cache = sessionCache();
  cache.epoch++;
  cache.entries.delete(sessionId.toLowerCase());
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
  // After the commit: dropped before it, a request in between could read and keep the open row again.
  forgetSession(sessionId);
}

/** Ends the session named by a request's session cookie, if it carries a valid one (POST /logout). */
export async function endSessionOfRequest(req: Parameters<typeof getToken>[0]["req"], secret: string | undefined): Promise<void> {
  const token = await getToken({ req, secret, cookieName: sessionCookieName() }).catch(() => null);
  await endSession(typeof token?.sid === "string" ? token.sid : null);
}
