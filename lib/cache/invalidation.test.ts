// The cache listener (lib/cache/invalidation.ts) on the real database and its triggers (migration
// 20261205180000_cache_invalidation_triggers): a change another connection commits is heard, one it
// rolls back is not, and a lost connection tells every cache to forget everything until it is back.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  isListening,
  onInvalidate,
  onInvalidateAll,
  startInvalidationListener,
  stopInvalidationListener,
  type InvalidationKind,
} from "@/lib/cache/invalidation";
import { createTestUser } from "@/test/factories";
import { listenOrFail, otherConnection } from "@/test/cache-listener";

let other: pg.Client;

beforeAll(async () => {
  other = await otherConnection();
  await listenOrFail();
});

afterAll(async () => {
  await other.end();
  await stopInvalidationListener();
});

/** Every id heard for `kind` from now on, and a promise of the moment `id` is heard. */
function listen(kind: InvalidationKind, id: string) {
  const heard: string[] = [];
  let off = () => {};
  const came = new Promise<void>((resolve) => {
    off = onInvalidate(kind, (got) => {
      heard.push(got);
      if (got === id) resolve();
    });
  });
  return { heard, came: came.finally(() => off()) };
}

const once = (subscribe: (handler: () => void) => () => void) =>
  new Promise<void>((resolve) => {
    const off = subscribe(() => {
      off();
      resolve();
    });
  });

describe("the cache listener", () => {
  it("hears an update another connection commits, and nothing of one it rolls back", async () => {
    const user = await createTestUser("PANEL_MEMBER");
    const rolledBack = await db.userSession.create({ data: { userId: user.id } });
    const committed = await db.userSession.create({ data: { userId: user.id } });
    const sessions = listen("session", committed.id);
    await other.query("BEGIN");
    await other.query(`UPDATE "UserSession" SET "endedAt" = now() WHERE id = $1`, [rolledBack.id]);
    await other.query("ROLLBACK");
    await other.query(`UPDATE "UserSession" SET "endedAt" = now() WHERE id = $1`, [committed.id]);
    await sessions.came;
    // Notifications arrive in commit order: one for the rolled-back update would have come first.
    expect(sessions.heard).toEqual([committed.id]);
  });

  it("hears an account updated or deleted, and the sessions deleted with it", async () => {
    const user = await createTestUser("SERVICE_LEAD");
    const session = await db.userSession.create({ data: { userId: user.id } });
    const updated = listen("user", user.id);
    await other.query(`UPDATE "User" SET role = 'DIRECTOR' WHERE id = $1`, [user.id]);
    await updated.came;
    expect(updated.heard).toEqual([user.id]);

    const deleted = listen("user", user.id);
    const sessionGone = listen("session", session.id);
    await other.query(`DELETE FROM "User" WHERE id = $1`, [user.id]);
    await Promise.all([deleted.came, sessionGone.came]);
    expect(deleted.heard).toEqual([user.id]);
    expect(sessionGone.heard).toEqual([session.id]);
  });

  it("tells every cache to forget everything when the connection drops, and listens again", async () => {
    expect(isListening()).toBe(true);
    const dropped = once(onInvalidateAll);
    const { rows } = await other.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'scrutiny-pack cache listener'`,
    );
    expect(rows).toEqual([{ ended: true }]);
    await dropped;
    expect(isListening()).toBe(false);

    // The next attempt (after the first backoff) connects and LISTENs again, and is heard from.
    expect(await startInvalidationListener()).toEqual({ listening: true });
    expect(isListening()).toBe(true);
    const user = await createTestUser("PANEL_MEMBER");
    const updated = listen("user", user.id);
    await other.query(`UPDATE "User" SET name = 'Heard again' WHERE id = $1`, [user.id]);
    await updated.came;
    expect(updated.heard).toEqual([user.id]);
  });

  it("once stopped, says it is not listening, and starting twice makes one connection", async () => {
    const listeners = async () =>
      (
        await other.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'scrutiny-pack cache listener'`,
        )
      ).rows.map((r) => r.pid);
    const before = await listeners();
    expect(before).toHaveLength(1);
    const dropped = once(onInvalidateAll);
    await stopInvalidationListener();
    await dropped;
    expect(isListening()).toBe(false);
    const [a, b] = await Promise.all([startInvalidationListener(), startInvalidationListener()]);
    expect([a, b]).toEqual([{ listening: true }, { listening: true }]);
    // The stopped connection's backend may still be on its way out: it is left out of the count.
    expect((await listeners()).filter((pid) => !before.includes(pid))).toHaveLength(1);
  });
});
