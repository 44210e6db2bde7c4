// Recovery codes are kept only as salted scrypt hashes: a copy of the database or a backup does not
// give them away. Salted (one random salt per set of codes) rather than keyed with a server key, so
// that rotating the second-factor key never silently invalidates codes someone keeps in a drawer; about
// 60 random bits each, behind scrypt, they still cannot be found by trying. What scrypt hashes is the
// code's SHA-256, which is what was stored before salting: such a hash is salted without the code.
import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const FORMAT = "s1";
const COST = { N: 16384, r: 8, p: 1 };

const stretch = (digest: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => scrypt(digest, salt, 32, COST, (error, key) => (error ? reject(error) : resolve(key))));

/** As typed: case, spaces and dashes do not matter ("K3M9 X2Q7 P4TD" is "k3m9-x2q7-p4td"). */
function normalise(code: string): string {
  const chars = code.toLowerCase().replace(/[\s-]/g, "");
  return chars.length === 12 ? `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}` : chars;
}

/** Whether a code could be a recovery code at all: anything else (a 6-digit app code) costs no scrypt. */
export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/.test(normalise(code));

const digestOf = (code: string) => createHash("sha256").update(normalise(code)).digest("hex");

const isSalted = (stored: string) => stored.startsWith(`${FORMAT}$`);

async function saltDigests(digests: string[]): Promise<string[]> {
  const salt = randomBytes(16);
  const hashes = await Promise.all(digests.map((d) => stretch(d, salt)));
  return hashes.map((h) => [FORMAT, salt.toString("base64url"), h.toString("base64url")].join("$"));
}

/** What is stored for a new set of codes. */
export const hashRecoveryCodes = (codes: string[]) => saltDigests(codes.map(digestOf));

/** Whether a stored set still holds an unsalted SHA-256 hash from before salting. */
export const hasUnsaltedRecoveryHashes = (hashes: string[]) => hashes.some((h) => !isSalted(h));

/** A stored set with every unsalted hash salted (salted ones are kept as they are). */
export async function saltRecoveryHashes(hashes: string[]): Promise<string[]> {
  const salted = await saltDigests(hashes.filter((h) => !isSalted(h)));
  return hashes.map((h) => (isSalted(h) ? h : salted.shift()!));
}

/** The stored hash the code matches, or null: one scrypt per salt in the list (a set of codes shares one). */
export async function findRecoveryHash(code: string, hashes: string[]): Promise<string | null> {
  if (!looksLikeRecoveryCode(code)) return null;
  const digest = digestOf(code);
  const bySalt = new Map<string, Promise<Buffer>>();
  for (const stored of hashes) {
    if (!isSalted(stored)) {
      if (timingSafeEqual(Buffer.from(stored.padEnd(64).slice(0, 64)), Buffer.from(digest))) return stored;
      continue;
    }
    const [, salt, hash] = stored.split("$");
    if (!bySalt.has(salt)) bySalt.set(salt, stretch(digest, Buffer.from(salt, "base64url")));
    const mine = await bySalt.get(salt)!;
    const theirs = Buffer.from(hash, "base64url");
    if (theirs.length === mine.length && timingSafeEqual(theirs, mine)) return stored;
  }
  return null;
}
