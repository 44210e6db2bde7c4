// Keys for the app's integrity seals (the frozen packs' content hash, the audit trail's hash chain),
// so that recomputing a hash after editing the database is not enough: the key is never in the
// database. The secret is INTEGRITY_SECRET or, when that is unset, NEXTAUTH_SECRET; each purpose gets
// a key of its own derived from it (HKDF). A stored hash names its key by a short id, so old
// secrets listed in INTEGRITY_SECRET_PREVIOUS (comma-separated) still verify what they signed.
import "server-only";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { findSecretProblem } from "@/lib/auth/secret-check.mjs";

type Env = Record<string, string | undefined>;
export type IntegrityPurpose = "pack-content" | "audit-chain";
export type IntegrityKey = { id: string; bytes: Buffer };

function keyFor(secret: string, purpose: IntegrityPurpose): IntegrityKey {
  const bytes = Buffer.from(hkdfSync("sha256", secret, "scrutiny-pack", `integrity:${purpose}`, 32));
  // A fingerprint of the derived key, never the secret: 48 bits of a hash tell nothing about 256.
  const id = createHash("sha256").update("scrutiny-pack integrity key id:").update(bytes).digest("hex").slice(0, 12);
  return { id, bytes };
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

// Named one by one, so the demo template's fingerprint (test/demo-template.ts) sees what the seed's hashes depend on.
const fromEnvironment = (): Env => ({
  INTEGRITY_SECRET: process.env.INTEGRITY_SECRET,
  INTEGRITY_SECRET_PREVIOUS: process.env.INTEGRITY_SECRET_PREVIOUS,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
});

/** The key new hashes are made with, and every key (by id) that may verify a stored one. */
export function integrityKeys(
  purpose: IntegrityPurpose,
  env: Env = fromEnvironment(),
): { current: IntegrityKey; byId: Map<string, IntegrityKey> } {
  const own = env.INTEGRITY_SECRET?.trim();
  if (own && findSecretProblem(own)) throw new Error("INTEGRITY_SECRET must be a random string of at least 32 characters");
  const secret = own || env.NEXTAUTH_SECRET?.trim();
  if (!secret) throw new Error("Neither INTEGRITY_SECRET nor NEXTAUTH_SECRET is set, so integrity hashes cannot be made or checked");
  const current = keyFor(secret, purpose);
  // NEXTAUTH_SECRET stays a candidate: moving to INTEGRITY_SECRET needs no other setting.
  const others = [...list(env.INTEGRITY_SECRET_PREVIOUS), ...(own && env.NEXTAUTH_SECRET ? [env.NEXTAUTH_SECRET.trim()] : [])];
  const byId = new Map([current, ...others.map((s) => keyFor(s, purpose))].map((k) => [k.id, k]));
  return { current, byId };
}

export const hmacHex = (key: IntegrityKey, text: string) => createHmac("sha256", key.bytes).update(text).digest("hex");
