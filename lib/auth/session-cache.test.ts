// The per-process cache of sessions in lib/auth/user-sessions.ts, on the real database. Whether a
// lookup went to the database is told honestly by a change committed with this database's triggers
// off (`silently`): nobody is told of it, so a lookup that still sees the old value was served from
// memory, and one that sees the new value read the database. Announced changes (from a second
// connection, as another server would make them) are awaited through onInvalidate, never a sleep.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { endSession, findLiveSession, sessionLifetimeMs, startSession } from "@/lib/auth/user-sessions";
import { findSessionAccount } from "@/lib/auth/current-user";
import { onInvalidate, onInvalidateAll, startInvalidationListener, stopInvalidationListener } from "@/lib/cache/invalidation";
import { createTestUser } from "@/test/factories";
import { listenOrFail, otherConnection } from "@/test/cache-listener";

let other: pg.Client;

beforeAll(async () => {
  other = await otherConnection();
});

beforeEach(async () => {
  await listenOrFail();
});

afterAll(async () => {
  await other.end();
  await stopInvalidationListener();
});

/** Commits `sql` with the tables' own triggers off for it alone (one transaction, as their owner): no notification. */
async function silently(sql: string, params: unknown[]) {
  await other.query("BEGIN");
  await other.query(`ALTER TABLE "User" DISABLE TRIGGER USER`);
  await other.query(`ALTER TABLE "UserSession" DISABLE TRIGGER USER`);
  await other.query(sql, params);
  await other.query(`ALTER TABLE "User" ENABLE TRIGGER USER`);
  await other.query(`ALTER TABLE "UserSession" ENABLE TRIGGER USER`);
  await other.query("COMMIT");
}

const renameSilently = (userId: string, name: string) => silently(`UPDATE "User" SET name = $2 WHERE id = $1`, [userId, name]);

/** Resolves once this process has heard `<kind>:<id>` (and so its caches have dropped what it names). */
const heard = (kind: "session" | "user", id: string) =>
  new Promise<void>((resolve) => {
    const off = onInvalidate(kind, (got) => {
      if (got !== id) return;
      off();
      resolve();
    });
  });

/** Waits until some backend is waiting for a lock `holder` holds (asked afresh each time: one statement per look). */
async function waitForBlockedBy(watcher: pg.Client, holder: number) {
  for (;;) {
    const { rows } = await watcher.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
      [holder],
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function signedIn(role: "PANEL_MEMBER" | "SERVICE_LEAD" = "PANEL_MEMBER") {
  const user = await createTestUser(role);
  const { sid } = await startSession(user.id);
  return { user, sid };
}

describe("the session cache", () => {
  it("serves a second lookup from memory, and gives callers the same values as the database", async () => {
    const { user, sid } = await signedIn();
    const fromDatabase = await findLiveSession(sid);
    expect(fromDatabase).toMatchObject({ id: sid, userId: user.id, endedAt: null, user: { id: user.id, name: user.name, active: true } });
    const account = await findSessionAccount(user.id, sid);

    await renameSilently(user.id, "Renamed without a word");
    const fromMemory = await findLiveSession(sid);
    expect(fromMemory).toEqual(fromDatabase);
    expect(fromMemory).not.toBe(fromDatabase);
    expect(await findSessionAccount(user.id, sid)).toEqual(account);
    // The same id in capitals names the same entry (PostgreSQL writes ids in lower case in its notifications).
    expect(await findLiveSession(sid.toUpperCase())).toEqual(fromDatabase);
    // What a caller does to its copy is not what the next caller gets.
    fromMemory!.user.name = "Changed by a caller";
    expect((await findLiveSession(sid))!.user.name).toBe(user.name);
  });

  it("checks the absolute lifetime on every lookup, from the cached start of the session", async () => {
    const { user, sid } = await signedIn();
    const first = await findLiveSession(sid);
    await renameSilently(user.id, "Renamed without a word");
    const end = first!.createdAt.getTime() + sessionLifetimeMs();
    expect((await findLiveSession(sid, end - 1))!.user.name).toBe(user.name);
    expect(await findLiveSession(sid, end)).toBeNull();
  });

  it("sees a role change and a deactivation made by another server at the next lookup", async () => {
    const { user, sid } = await signedIn("SERVICE_LEAD");
    await findLiveSession(sid);
    await renameSilently(user.id, "Renamed without a word");
    expect((await findSessionAccount(user.id, sid))!.user).toMatchObject({ name: user.name, role: "SERVICE_LEAD" });

    const roleChanged = heard("user", user.id);
    await other.query(`UPDATE "User" SET role = 'DIRECTOR' WHERE id = $1`, [user.id]);
    await roleChanged;
    // Read again, with the silent rename too.
    expect((await findSessionAccount(user.id, sid))!.user).toMatchObject({ name: "Renamed without a word", role: "DIRECTOR" });

    const deactivated = heard("user", user.id);
    await other.query(`UPDATE "User" SET active = false WHERE id = $1`, [user.id]);
    await deactivated;
    expect(await findSessionAccount(user.id, sid)).toBeNull();
    expect(await findLiveSession(sid)).toMatchObject({ user: { active: false } });
  });

  it("drops every session of an account that changed, and only those", async () => {
    const { user, sid } = await signedIn();
    const { sid: second } = await startSession(user.id);
    const bystander = await signedIn();
    for (const s of [sid, second, bystander.sid]) await findLiveSession(s);
    await renameSilently(user.id, "Renamed without a word");
    await renameSilently(bystander.user.id, "Also renamed without a word");

    const changed = heard("user", user.id);
    await other.query(`UPDATE "User" SET role = 'SERVICE_LEAD' WHERE id = $1`, [user.id]);
    await changed;
    for (const s of [sid, second])
      expect((await findLiveSession(s))!.user).toMatchObject({ name: "Renamed without a word", role: "SERVICE_LEAD" });
    expect((await findLiveSession(bystander.sid))!.user.name).toBe(bystander.user.name);
  });

  it("refuses a session ended by another server at the next lookup", async () => {
    const { user, sid } = await signedIn();
    await findLiveSession(sid);
    await renameSilently(user.id, "Renamed without a word");
    expect((await findLiveSession(sid))!.user.name).toBe(user.name);

    const ended = heard("session", sid);
    await other.query(`UPDATE "UserSession" SET "endedAt" = now() WHERE id = $1`, [sid]);
    await ended;
    expect(await findLiveSession(sid)).toBeNull();
    expect(await findSessionAccount(user.id, sid)).toBeNull();
  });

  it("forgets a session this process ends at once, without waiting for the notification", async () => {
    const { user, sid } = await signedIn();
    await findLiveSession(sid);
    // With the trigger off, no notification will come: only endSession's own drop can make the next lookup see it.
    await other.query(`ALTER TABLE "UserSession" DISABLE TRIGGER "UserSession_cache_notify"`);
    try {
      await renameSilently(user.id, "Renamed without a word");
      expect((await findLiveSession(sid))!.user.name).toBe(user.name);
      await endSession(sid);
      expect(await findLiveSession(sid)).toBeNull();
    } finally {
      await other.query(`ALTER TABLE "UserSession" ENABLE TRIGGER "UserSession_cache_notify"`);
    }
  });

  it("does not keep what a lookup read if its session ended while the lookup was under way", async () => {
    const { user, sid } = await signedIn();
    // The account's table locked: the lookup has its session row (still open) and waits for the account.
    await other.query("BEGIN");
    await other.query(`LOCK TABLE "User" IN ACCESS EXCLUSIVE MODE`);
    const holder = (await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const lookup = findLiveSession(sid);
    const third = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await third.connect();
    try {
      await waitForBlockedBy(third, holder);
      // Meanwhile another server ends the session, and this process hears of it.
      const ended = heard("session", sid);
      await third.query(`UPDATE "UserSession" SET "endedAt" = now() WHERE id = $1`, [sid]);
      await ended;
    } finally {
      await other.query("COMMIT");
      await third.end();
    }
    await lookup;
    expect(await findLiveSession(sid)).toBeNull();
    expect(await findSessionAccount(user.id, sid)).toBeNull();
  });

  it("keeps nothing while an account must choose a password or set up a second factor, so the change is seen at once", async () => {
    const { user, sid } = await signedIn();
    await silently(`UPDATE "User" SET "mustChangePassword" = true WHERE id = $1`, [user.id]);
    expect(await findSessionAccount(user.id, sid)).toMatchObject({ mustChangePassword: true });
    await silently(`UPDATE "User" SET "mustChangePassword" = false WHERE id = $1`, [user.id]);
    expect(await findSessionAccount(user.id, sid)).toMatchObject({ mustChangePassword: false });

    vi.stubEnv("SECOND_FACTOR_REQUIRED", "true");
    try {
      const director = await createTestUser("DIRECTOR");
      const { sid: directorSid } = await startSession(director.id);
      await silently(`UPDATE "User" SET "passwordHash" = 'a local password' WHERE id = $1`, [director.id]);
      expect(await findSessionAccount(director.id, directorSid)).toMatchObject({ mustSetUpSecondFactor: true });
      await silently(`UPDATE "User" SET "totpEnabledAt" = now() WHERE id = $1`, [director.id]);
      expect(await findSessionAccount(director.id, directorSid)).toMatchObject({ mustSetUpSecondFactor: false });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("reads the database on every lookup once the listener has stopped", async () => {
    const { user, sid } = await signedIn();
    await findLiveSession(sid);
    await stopInvalidationListener();
    for (const name of ["First silent name", "Second silent name"]) {
      await renameSilently(user.id, name);
      expect((await findLiveSession(sid))!.user.name).toBe(name);
    }
  });

  it("drops everything when the connection drops, reads the database until it listens again, then caches again", async () => {
    const { user, sid } = await signedIn();
    await findLiveSession(sid);
    const dropped = new Promise<void>((resolve) => {
      const off = onInvalidateAll(() => {
        off();
        resolve();
      });
    });
    // The listener's next attempts go to a closed port (it reads DATABASE_URL at each one; the Prisma
    // pool keeps the address it was made with), so it stays deaf for as long as this test needs.
    const url = process.env.DATABASE_URL!;
    const closed = new URL(url);
    closed.port = "1";
    process.env.DATABASE_URL = closed.toString();
    try {
      await other.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'scrutiny-pack cache listener'`,
      );
      await dropped;
      for (const name of ["Renamed while deaf", "Renamed again while deaf"]) {
        await renameSilently(user.id, name);
        expect((await findLiveSession(sid))!.user.name).toBe(name);
      }
    } finally {
      process.env.DATABASE_URL = url;
    }
    expect(await startInvalidationListener()).toEqual({ listening: true });
    await findLiveSession(sid);
    await renameSilently(user.id, "Renamed once listening");
    expect((await findLiveSession(sid))!.user.name).toBe("Renamed again while deaf");
  });
});
