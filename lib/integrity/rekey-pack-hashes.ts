// Packs frozen before content hashes were keyed carry a plain SHA-256, which anyone able to edit the
// database could recompute: readers never accept one (lib/pack/snapshot/content-hash.ts). Once, at
// the first server start after the upgrade, each such hash that still matches its snapshot is
// replaced by the keyed hash, and the audit trail records the old fingerprint beside the new, so a
// reader who noted the old one can still check it (the SHA-256 of the canonical JSON of the snapshot
// in the JSON export). A plain hash that does not match is left as it is: that pack stays refused.
// Only once: a signed audit event marks it done, so a plain hash written into the database later
// (by someone hoping the next start would bless it) is never keyed. The app's role cannot remove
// that event, and removing it as the owner breaks the chain (npm run audit:verify).
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { isAuthenticEvent } from "@/lib/audit/verify-audit-chain";
import { contentHash, isPlainContentHash, verifyPlainContentHash } from "@/lib/pack/snapshot/content-hash";

const DONE = "pack.contentHashes.keyed";

async function alreadyDone(): Promise<boolean> {
  const markers = await db.auditEvent.findMany({ where: { action: DONE }, select: { id: true } });
  for (const m of markers) if (await isAuthenticEvent(m.id)) return true;
  return false;
}

export async function rekeyPlainContentHashes(): Promise<{ rekeyed: number; mismatched: string[]; done?: true }> {
  if (await alreadyDone()) return { rekeyed: 0, mismatched: [], done: true };
  const candidates = await db.packVersion.findMany({
    where: { contentHash: { not: { startsWith: "hmac-sha256:" } } },
    select: { id: true, contentHash: true, version: true, period: { select: { month: true } } },
  });
  let rekeyed = 0;
  const mismatched: string[] = [];
  for (const c of candidates.filter((p) => isPlainContentHash(p.contentHash))) {
    // One pack at a time: the snapshot can be large.
    const { snapshot } = await db.packVersion.findUniqueOrThrow({ where: { id: c.id }, select: { snapshot: true } });
    if (!verifyPlainContentHash(snapshot, c.contentHash)) {
      mismatched.push(`${c.period.month} version ${c.version}`);
      continue;
    }
    const keyed = contentHash(snapshot);
    await db.$transaction(async (tx) => {
      // Compare-and-set: another server starting at the same moment keys it once, not twice.
      const { count } = await tx.packVersion.updateMany({ where: { id: c.id, contentHash: c.contentHash }, data: { contentHash: keyed } });
      if (count !== 1) return;
      rekeyed++;
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "pack.contentHash.keyed",
        entityType: "PackVersion",
        entityId: c.id,
        periodMonth: c.period.month,
        before: { version: c.version, contentHash: c.contentHash },
        after: { version: c.version, contentHash: keyed },
      });
    });
  }
  await db.$transaction((tx) =>
    recordAudit(tx, SYSTEM_ACTOR, { action: DONE, entityType: "PackVersion", entityId: "all", after: { rekeyed, mismatched } }),
  );
  return { rekeyed, mismatched };
}

/** For the server's start: logs what it did, and never stops the server. */
export async function rekeyPlainContentHashesAtStart(): Promise<void> {
  try {
    const { rekeyed, mismatched } = await rekeyPlainContentHashes();
    if (rekeyed) console.log(`Content hashes: ${rekeyed} pack version${rekeyed === 1 ? "" : "s"} frozen before keyed hashes now carry one`);
    if (mismatched.length)
      console.error(`Content hashes: not keyed, since the snapshot no longer matches its hash: ${mismatched.join(", ")}`);
  } catch (e) {
    console.error("Content hashes: keying the plain hashes of older packs failed", e);
  }
}
