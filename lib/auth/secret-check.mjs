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
