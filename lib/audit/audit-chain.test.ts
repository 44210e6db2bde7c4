// The audit trail is append-only and hash-chained (issue 25, item 4): no role changes or removes an
// event, a changed one is found by audit:verify, and two events written at once never fork the chain.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { chainLink } from "@/lib/audit/audit-chain";
import { describeChainReport, verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { integrityKeys } from "@/lib/integrity/keys";

const actor = { id: null, name: "Chain Test", role: null } as const;
const record = (entityId: string, after: unknown = { n: entityId }) =>
  db.$transaction((tx) => recordAudit(tx, actor, { action: "test.chained", entityType: "Test", entityId, after }), { timeout: 30_000 });

/** A connection of its own, as the database's owner (the tests' URL is the superuser's). */
async function owner() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  return c;
}

async function asOwner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = await owner();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** An edit by someone who can bypass the trigger (the owner, deliberately), in one transaction. */
const tamper = (sql: string, params: unknown[] = []) =>
  asOwner(async (c) => {
    await c.query("begin");
    await c.query(`alter table "AuditEvent" disable trigger "AuditEvent_append_only"`);
    await c.query(sql, params);
    await c.query(`alter table "AuditEvent" enable trigger "AuditEvent_append_only"`);
    await c.query("commit");
  });

const ids = async (entityIds: string[]) =>
  (await db.auditEvent.findMany({ where: { entityId: { in: entityIds } }, orderBy: { id: "asc" } })).map((e) => ({ id: e.id, at: e.at }));

describe("the audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE to every role, the table's owner included", async () => {
    await record("refuse-1");
    const [event] = await ids(["refuse-1"]);
    await asOwner(async (c) => {
      await expect(c.query(`update "AuditEvent" set "actorName" = 'Someone else' where id = $1`, [event.id])).rejects.toThrow(
        /append-only: UPDATE/,
      );
      await expect(c.query(`delete from "AuditEvent" where id = $1`, [event.id])).rejects.toThrow(/append-only: DELETE/);
      await expect(c.query(`truncate "AuditEvent"`)).rejects.toThrow(/append-only: TRUNCATE/);
    });
    await expect(db.auditEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { id: event.id, actorName: "Chain Test" } })).toBe(1);
  });

  it("two events written at once never link to the same predecessor (the interleaving forced with a lock)", async () => {
    await record("fork-0");
    // A second connection holds a lock that lets both writers read the chain's last hash but not insert.
    const holder = await owner();
    try {
      await holder.query("begin");
      await holder.query(`lock table "AuditEvent" in exclusive mode`);
      const both = Promise.all([record("fork-1"), record("fork-2")]);
      // pg_locks is read live (pg_stat_activity would be a snapshot for the rest of this transaction).
      const waiting = async () =>
        Number(
          (
            await holder.query<{ n: string }>(
              `select count(*) as n from pg_locks where not granted and database = (select oid from pg_database where datname = current_database())`,
            )
          ).rows[0].n,
        );
      const deadline = Date.now() + 15_000;
      while ((await waiting()) < 2) {
        if (Date.now() > deadline) throw new Error("the two writers never both waited");
        await new Promise((r) => setTimeout(r, 50));
      }
      await holder.query("commit");
      await both;
    } finally {
      await holder.end();
    }
    const [first, second] = await db.auditEvent.findMany({ where: { entityId: { in: ["fork-1", "fork-2"] } }, orderBy: { id: "asc" } });
    const before = await db.auditEvent.findFirstOrThrow({ where: { id: { lt: second.id }, hash: { not: null } }, orderBy: { id: "desc" } });
    expect(before.id).toBe(first.id);
    const report = await verifyAuditChain();
    expect(report.broken).toBeNull();
    expect(report.head?.id).toBe(second.id);
  });

  it("audit:verify says intact, N events, then names exactly the event edited behind the trigger's back", async () => {
    const names = ["edit-1", "edit-2", "edit-3", "edit-4"];
    for (const n of names) await record(n);
    const total = await db.auditEvent.count({ where: { hash: { not: null } } });
    const intact = await verifyAuditChain();
    expect(intact).toMatchObject({ broken: null, checked: total, unchecked: [] });
    expect(describeChainReport(intact)).toMatch(new RegExp(`^Audit trail intact, ${total} events\\.`));

    const [, second, third] = await ids(names);
    // An edit, and a link recomputed for it without the server's key (as someone with only the database could).
    await tamper(`update "AuditEvent" set after = '{"n":"edited"}' where id = $1`, [second.id]);
    const edited = await verifyAuditChain();
    expect(edited.broken).toMatchObject({ id: second.id, at: second.at });
    expect(edited.broken?.reason).toMatch(/does not match/);
    expect(describeChainReport(edited)).toContain(`BROKEN at event ${second.id} (${second.at.toISOString()})`);
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id: second.id } });
    const previous = (
      await db.auditEvent.findFirstOrThrow({ where: { id: { lt: second.id }, hash: { not: null } }, orderBy: { id: "desc" } })
    ).hash!;
    const guessed = integrityKeys("audit-chain", { INTEGRITY_SECRET: "a-guess-at-the-servers-secret-0123456789" }).current;
    await tamper(`update "AuditEvent" set hash = $2 where id = $1`, [second.id, chainLink(guessed, previous, row)]);
    expect((await verifyAuditChain()).broken?.id).toBe(second.id);
    // Put back as it was: the chain holds again; then remove an event: the break is at the one after it.
    await tamper(`update "AuditEvent" set after = '{"n":"edit-2"}', hash = $2 where id = $1`, [
      second.id,
      chainLink(integrityKeys("audit-chain").current, previous, { ...row, after: { n: "edit-2" } }),
    ]);
    expect((await verifyAuditChain()).broken).toBeNull();
    const removed = await asOwner(
      async (c) => (await c.query(`select * from "AuditEvent" where id = $1`, [second.id])).rows[0] as Record<string, unknown>,
    );
    await tamper(`delete from "AuditEvent" where id = $1`, [second.id]);
    expect((await verifyAuditChain()).broken).toMatchObject({ id: third.id, at: third.at });
    // Inserting is allowed: the same event put back, verbatim, and the chain holds again.
    const columns = Object.keys(removed);
    await asOwner((c) =>
      c.query(
        `insert into "AuditEvent" (${columns.map((k) => `"${k}"`).join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        columns.map((k) => removed[k]),
      ),
    );
    expect((await verifyAuditChain()).broken).toBeNull();
  });

  it("after the secret changes, verify says where, and checks the older events once the old secret is listed", async () => {
    vi.stubEnv("INTEGRITY_SECRET", "the-first-integrity-secret-0123456789-abcdef");
    await record("rotate-1");
    const oldKey = integrityKeys("audit-chain").current.id;
    vi.stubEnv("INTEGRITY_SECRET", "the-second-integrity-secret-0123456789-abcdef");
    await record("rotate-2");
    const [firstOld] = await db.auditEvent.findMany({ where: { hashKeyId: oldKey }, orderBy: { id: "asc" }, take: 1 });
    const report = await verifyAuditChain();
    expect(report.broken).toBeNull();
    expect(report.unchecked[0]).toMatchObject({ keyId: oldKey, firstId: firstOld.id });
    expect(describeChainReport(report)).toMatch(/signed with key [0-9a-f]{12}, which this server does not have: the secret changed there/);
    vi.stubEnv("INTEGRITY_SECRET_PREVIOUS", "the-first-integrity-secret-0123456789-abcdef");
    const all = await verifyAuditChain();
    expect(all).toMatchObject({ broken: null, unchecked: [] });
    // Left as they are: the chain now holds events signed under both secrets.
  });

  it("an event written without a link after the chain began is a broken link", async () => {
    await record("unlinked-1");
    const [added] = (
      await asOwner((c) =>
        c.query<{ id: string }>(
          `insert into "AuditEvent" ("actorName", action, "entityType", "entityId") values ('x', 'x', 'x', 'x') returning id`,
        ),
      )
    ).rows;
    const { broken } = await verifyAuditChain();
    expect(broken?.id).toBe(BigInt(added.id));
    expect(broken?.reason).toMatch(/no link/);
  });
});
