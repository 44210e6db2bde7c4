// Walks the audit trail's hash chain in order (npm run audit:verify) and reports the first event
// whose link does not hold: edited, inserted out of turn, linked to an event since removed, or
// written without a link after the chain began. Events from before the chain (older than the
// append_only_audit migration) are counted, not checked. An event signed with a key this server
// does not have (the secret changed: list the old one in INTEGRITY_SECRET_PREVIOUS) cannot be
// checked: the walk goes on from its stored hash and says where that was.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { chainLink } from "@/lib/audit/audit-chain";
import { integrityKeys } from "@/lib/integrity/keys";

export type ChainBreak = { id: bigint; at: Date; reason: string };
export type UncheckedRun = { keyId: string; firstId: bigint; firstAt: Date; count: number };
export type ChainReport = {
  /** Events whose link was checked and holds. */
  checked: number;
  /** Events from before the chain began. */
  beforeChain: number;
  /** The first link that does not hold, or null. */
  broken: ChainBreak | null;
  /** Events signed with a key this server does not have, by key. */
  unchecked: UncheckedRun[];
  /** The last chained event: note its hash to notice later removal of the newest events. */
  head: { id: bigint; hash: string } | null;
};

const BATCH = 1000;
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function verifyAuditChain(): Promise<ChainReport> {
  const { byId } = integrityKeys("audit-chain");
  const report: ChainReport = { checked: 0, beforeChain: 0, broken: null, unchecked: [], head: null };
  let previous: string | null = null;
  let after = -1n;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH });
    if (!rows.length) break;
    for (const row of rows) {
      after = row.id;
      if (row.hash === null || row.hashKeyId === null) {
        if (previous === null) {
          report.beforeChain++;
          continue;
        }
        report.broken = { id: row.id, at: row.at, reason: "it has no link, though events before it do" };
        return report;
      }
      const key = byId.get(row.hashKeyId);
      if (!key) {
        const run = report.unchecked.at(-1);
        if (run?.keyId === row.hashKeyId) run.count++;
        else report.unchecked.push({ keyId: row.hashKeyId, firstId: row.id, firstAt: row.at, count: 1 });
      } else if (!same(chainLink(key, previous ?? "", row), row.hash)) {
        report.broken = { id: row.id, at: row.at, reason: "its hash does not match its content and the event before it" };
        return report;
      } else report.checked++;
      previous = row.hash;
      report.head = { id: row.id, hash: row.hash };
    }
  }
  return report;
}

/** One paragraph for a person: "intact, N events", or the first broken link. */
export function describeChainReport(r: ChainReport): string {
  const lines: string[] = [];
  if (r.broken) lines.push(`Audit trail BROKEN at event ${r.broken.id} (${r.broken.at.toISOString()}): ${r.broken.reason}.`);
  else lines.push(`Audit trail intact, ${r.checked} event${r.checked === 1 ? "" : "s"}.`);
  if (r.beforeChain) lines.push(`${r.beforeChain} earlier event${r.beforeChain === 1 ? " was" : "s were"} written before the chain began.`);
  for (const u of r.unchecked)
    lines.push(
      `${u.count} event${u.count === 1 ? "" : "s"} from event ${u.firstId} (${u.firstAt.toISOString()}) were signed with key ${u.keyId}, which this server does not have: the secret changed there. List the old secret in INTEGRITY_SECRET_PREVIOUS to check them.`,
    );
  if (!r.broken && r.head) lines.push(`Newest event ${r.head.id}, hash ${r.head.hash}.`);
  return lines.join("\n");
}

/**
 * Whether one event is as the app wrote it: its link holds, under a key this server has, to the
 * chained event before it. For a marker the app relies on (lib/integrity/rekey-pack-hashes.ts):
 * the app's database role can neither forge one nor remove one.
 */
export async function isAuthenticEvent(id: bigint): Promise<boolean> {
  const row = await db.auditEvent.findUnique({ where: { id } });
  if (!row?.hash || !row.hashKeyId) return false;
  const key = integrityKeys("audit-chain").byId.get(row.hashKeyId);
  if (!key) return false;
  const before = await db.auditEvent.findFirst({
    where: { id: { lt: id }, hash: { not: null } },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  return same(chainLink(key, before?.hash ?? "", row), row.hash);
}
