// Two-step sign-in's TOTP secrets are sealed at rest with AES-256-GCM, so the database and its backups
// never hold one in the clear. The key is SECOND_FACTOR_KEY (base64 of 32 bytes) or, when that is
// unset, derived from NEXTAUTH_SECRET with HKDF: the database alone (a dump, a backup) never has it.
// A stored value names its key by a short fingerprint, so a rotated-out key (SECOND_FACTOR_KEY_PREVIOUS)
// still opens old values until they are sealed again under the current key (lib/users/second-factor-reseal.ts).
import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { findSecondFactorKeyProblem } from "@/lib/auth/secret-check.mjs";

type Env = Record<string, string | undefined>;
type Key = { id: string; bytes: Buffer };

const FORMAT = "v1";

function keyFrom(bytes: Buffer): Key {
  // A fingerprint, not the key: 32 bits of a hash of a 256-bit random key tell nothing about it.
  const id = createHash("sha256").update("scrutiny-pack second-factor key id:").update(bytes).digest("hex").slice(0, 8);
  return { id, bytes };
}

const fromBase64 = (list: string | undefined) =>
  (list ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => keyFrom(Buffer.from(k, "base64")));

/** The key new values are sealed with, and every key that may open a stored one. */
export function secondFactorKeys(env: Env = process.env): { current: Key; all: Key[] } {
  const problem =
    findSecondFactorKeyProblem(env.SECOND_FACTOR_KEY, "SECOND_FACTOR_KEY") ??
    findSecondFactorKeyProblem(env.SECOND_FACTOR_KEY_PREVIOUS, "SECOND_FACTOR_KEY_PREVIOUS");
  if (problem) throw new Error(problem);
  // Always a candidate for opening: moving from the derived key to SECOND_FACTOR_KEY needs no other setting.
  const derived = env.NEXTAUTH_SECRET
    ? keyFrom(Buffer.from(hkdfSync("sha256", env.NEXTAUTH_SECRET, "scrutiny-pack", "second-factor secrets", 32)))
    : null;
  const current = fromBase64(env.SECOND_FACTOR_KEY)[0] ?? derived;
  if (!current) throw new Error("Neither SECOND_FACTOR_KEY nor NEXTAUTH_SECRET is set, so two-step sign-in secrets cannot be sealed");
  return { current, all: [current, ...fromBase64(env.SECOND_FACTOR_KEY_PREVIOUS), ...(derived ? [derived] : [])] };
}

// The account's id is bound in as associated data: a sealed secret copied onto another account does not open.
const boundTo = (userId: string) => Buffer.from(`totp:${userId}`);

/** "v1:<key id>:<iv>:<ciphertext>:<tag>", base64url parts. */
export function sealTotpSecret(secret: string, userId: string, env: Env = process.env): string {
  const { current } = secondFactorKeys(env);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv).setAAD(boundTo(userId));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, current.id, iv, sealed, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
}

export const isSealed = (stored: string) => stored.startsWith(`${FORMAT}:`);

/**
 * The secret, and whether it is sealed under the current key (if not, it should be sealed again).
 * A value from before sealing (plain base32, which has no ":") is read as it is. Throws when no
 * configured key opens it (a retired key, or a changed NEXTAUTH_SECRET with no SECOND_FACTOR_KEY).
 */
export function openTotpSecret(stored: string, userId: string, env: Env = process.env): { secret: string; current: boolean } {
  if (!isSealed(stored)) return { secret: stored, current: false };
  const [, keyId, iv, sealed, tag] = stored.split(":");
  const keys = secondFactorKeys(env);
  const key = keys.all.find((k) => k.id === keyId);
  if (!key) throw new Error(`A two-step sign-in secret is sealed with a key that is not configured (key id ${keyId})`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"))
    .setAAD(boundTo(userId))
    .setAuthTag(Buffer.from(tag, "base64url"));
  const secret = Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  return { secret, current: key.id === keys.current.id };
}
