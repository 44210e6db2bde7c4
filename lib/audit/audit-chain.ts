// The audit trail's hash chain: each event's hash is an HMAC, under a key the database never holds
// (lib/integrity/keys.ts), of the previous chained event's hash and this event's content. Editing,
// removing or reordering an event breaks the link at that event; recomputing the links after an
// edit needs the key. One function makes a link, used by recordAudit and by the verifier alike.
import "server-only";
import { canonicalJson } from "@/lib/pack/snapshot/content-hash";
import { hmacHex, type IntegrityKey } from "@/lib/integrity/keys";

/** Taken, for the rest of the writing transaction, before reading the chain's last hash. */
export const AUDIT_CHAIN_LOCK = 72_019_250_004;

/** The columns a link covers: all of the event's own. */
export type ChainedContent = {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  periodMonth: string | null;
  before: unknown;
  after: unknown;
};

/** The event as one string: a JSON array in a fixed order, objects' keys sorted (jsonb reorders them). */
export function canonicalAuditEvent(e: ChainedContent): string {
  return canonicalJson([
    "audit-v1",
    e.id.toString(),
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId,
    e.periodMonth,
    e.before ?? null,
    e.after ?? null,
  ]);
}

/** The event's hash, given the previous chained event's ("" for the first). */
export function chainLink(key: IntegrityKey, previousHash: string, e: ChainedContent): string {
  return hmacHex(key, `${previousHash}\n${canonicalAuditEvent(e)}`);
}
