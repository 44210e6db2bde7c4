// A frozen pack's content hash: an HMAC-SHA256 over a canonical JSON form (keys sorted, so the same
// snapshot always has the same hash whatever order PostgreSQL's jsonb returns its keys in), keyed
// with a secret that is never in the database (lib/integrity/keys.ts), so that someone who can edit
// the database cannot recompute it after an edit. Stored as "hmac-sha256:<key id>:<hex>".
// Packs frozen before the key were a plain SHA-256 (64 hex digits, no prefix): readers never accept
// those, since anyone can recompute one; lib/integrity/rekey-pack-hashes.ts keys them once
// at start, after checking them, and records the old value in the audit trail.
import { createHash, timingSafeEqual } from "node:crypto";
import { hmacHex, integrityKeys, type IntegrityKey } from "@/lib/integrity/keys";

export const KEYED_PREFIX = "hmac-sha256";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const keyedMac = (key: IntegrityKey, snapshot: unknown) => hmacHex(key, canonicalJson(snapshot));

export function contentHash(snapshot: unknown): string {
  const { current } = integrityKeys("pack-content");
  return `${KEYED_PREFIX}:${current.id}:${keyedMac(current, snapshot)}`;
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** True only for a keyed hash, made with a key this server has, of exactly this snapshot. */
export function verifyContentHash(snapshot: unknown, expected: string): boolean {
  const [prefix, keyId, mac, ...rest] = expected.split(":");
  if (prefix !== KEYED_PREFIX || !keyId || !mac || rest.length) return false;
  const key = integrityKeys("pack-content").byId.get(keyId);
  return !!key && sameText(keyedMac(key, snapshot), mac);
}

/** A hash from before the key: plain SHA-256 hex of the canonical JSON. */
export const isPlainContentHash = (stored: string) => /^[0-9a-f]{64}$/.test(stored);

/** Checks a pack's plain SHA-256 (only for keying it once: anyone could have recomputed it). */
export function verifyPlainContentHash(snapshot: unknown, expected: string): boolean {
  return isPlainContentHash(expected) && createHash("sha256").update(canonicalJson(snapshot)).digest("hex") === expected;
}
