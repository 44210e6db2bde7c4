// Is NEXTAUTH_SECRET fit to sign session tokens? Shared by scripts/start.mjs (refuses to start) and
// lib/auth/options.ts (refuses to serve), so both apply one rule. Plain JS: start.mjs runs in Node.

export const MIN_SECRET_LENGTH = 32;
export const SECRET_ADVICE = `NEXTAUTH_SECRET must be set to a random string of at least ${MIN_SECRET_LENGTH} characters (for example: openssl rand -base64 48)`;

// Values people copy from examples; a long one is as guessable as a short one.
const KNOWN_WEAK = new Set([
  "secret",
  "changeme",
  "change-me",
  "development",
  "x",
  "test",
  "replace-me-with-a-long-random-string",
  "your-secret-here",
]);

/**
 * Why the secret cannot be used, or null when it can.
 * @param {string | undefined | null} secret
 * @returns {"missing" | "too-short" | "known" | "one-character" | null}
 */
export function findSecretProblem(secret) {
  const value = (secret ?? "").trim();
  if (!value) return "missing";
  if (KNOWN_WEAK.has(value.toLowerCase())) return "known";
  if (value.length < MIN_SECRET_LENGTH) return "too-short";
  if (new Set(value).size === 1) return "one-character";
  return null;
}

/**
 * Is a second-factor key (SECOND_FACTOR_KEY, or each of SECOND_FACTOR_KEY_PREVIOUS, comma-separated)
 * usable? Unset is fine: the key is then derived from NEXTAUTH_SECRET (lib/auth/totp-keys.ts).
 * @param {string | undefined | null} value
 * @param {string} name the setting, for the message
 * @returns {string | null} why not, or null
 */
export function findSecondFactorKeyProblem(value, name) {
  if (value === undefined || value === null || value.trim() === "") return null;
  for (const part of value.split(",")) {
    const key = part.trim();
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key) ? Buffer.from(key, "base64").length : 0;
    if (bytes !== 32) return `${name} must be base64 of a 32-byte key (make one with: openssl rand -base64 32)`;
  }
  return null;
}
