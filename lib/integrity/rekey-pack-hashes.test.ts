// Packs frozen before content hashes were keyed (issue 25, item 14): their plain SHA-256 is checked
// once and replaced by the keyed hash, the old fingerprint kept in the audit trail; readers never
// accept a plain one, which anyone able to edit the database could have recomputed.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { canonicalJson, verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import { rekeyPlainContentHashes } from "@/lib/integrity/rekey-pack-hashes";
import { createPack } from "@/test/pack-fixtures-db";
import { uniqueMonth } from "@/test/factories";

const plain = (snapshot: unknown) => createHash("sha256").update(canonicalJson(snapshot)).digest("hex");

describe("keying the plain content hashes of older packs", () => {
  it("keys each plain hash that matches, once, records the old one, and leaves one that does not match refused", async () => {
    // A marker written into the table rather than by the app (no link) does not count.
    await db.auditEvent.create({
      data: { actorName: "System", action: "pack.contentHashes.keyed", entityType: "PackVersion", entityId: "all" },
    });
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }, { published: true }]);
    const [good, stale] = await Promise.all(ids.map((id) => db.packVersion.findUniqueOrThrow({ where: { id } })));
    const goodPlain = plain(good.snapshot);
    await db.packVersion.update({ where: { id: good.id }, data: { contentHash: goodPlain } });
    const stalePlain = plain({ ...(stale.snapshot as object), month: "1999-02" });
    await db.packVersion.update({ where: { id: stale.id }, data: { contentHash: stalePlain } });
    expect(verifyContentHash(good.snapshot, goodPlain)).toBe(false);

    expect(await rekeyPlainContentHashes()).toEqual({ rekeyed: 1, mismatched: [`${month} version 2`] });
    const after = await db.packVersion.findUniqueOrThrow({ where: { id: good.id } });
    expect(after.contentHash).toMatch(/^hmac-sha256:/);
    expect(verifyContentHash(after.snapshot, after.contentHash)).toBe(true);
    expect((await db.packVersion.findUniqueOrThrow({ where: { id: stale.id } })).contentHash).toBe(stalePlain);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "pack.contentHash.keyed", entityId: good.id } });
    expect(event).toMatchObject({
      periodMonth: month,
      before: { version: 1, contentHash: goodPlain },
      after: { contentHash: after.contentHash },
    });

    // Only once: an edit with a plain hash recomputed to match, written later to have the next start bless it, stays refused.
    const edited = { ...(good.snapshot as object), month: "1999-03" };
    await db.packVersion.update({ where: { id: good.id }, data: { snapshot: edited, contentHash: plain(edited) } });
    expect(await rekeyPlainContentHashes()).toEqual({ rekeyed: 0, mismatched: [], done: true });
    const now = await db.packVersion.findUniqueOrThrow({ where: { id: good.id } });
    expect(now.contentHash).toBe(plain(edited));
    expect(verifyContentHash(now.snapshot, now.contentHash)).toBe(false);
  });
});
