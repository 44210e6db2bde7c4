// What npm start refuses in production, as one list of one-line reasons, and what it warns about.
// Plain JS: start.mjs runs in Node.
import { findSecondFactorKeyProblem, findSecretProblem, SECRET_ADVICE } from "../lib/auth/secret-check.mjs";
import { findPdfRenderLimitProblem } from "../lib/config/pdf-renders.mjs";
import { findEntraTenantProblem } from "../lib/auth/entra-tenant.mjs";

const ACTION_KEY = "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY";

/**
 * @param {Record<string, string | undefined>} env
 * @param {string | null} [buildActionKey] the server actions' key in the build, when there is one
 * @returns {string[]} why the app must not start; empty when it may
 */
export function findStartupProblems(env, buildActionKey = null) {
  const problems = [];
  if (findSecretProblem(env.NEXTAUTH_SECRET)) problems.push(SECRET_ADVICE);
  // The embedded PostgreSQL is for the demo and development: production says so explicitly.
  if (!env.DATABASE_URL && env.USE_EMBEDDED_DATABASE !== "1") {
    problems.push(
      "DATABASE_URL is not set. Point it at your PostgreSQL server, or set USE_EMBEDDED_DATABASE=1 to run the embedded PostgreSQL under data/ on purpose",
    );
  }
  // Without https the session cookie loses its Secure flag and travels in the clear.
  let url = null;
  try {
    url = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL) : null;
  } catch {
    url = null;
  }
  if (!env.NEXTAUTH_URL) problems.push("NEXTAUTH_URL is not set: set it to the app's public https:// address");
  else if (!url) problems.push(`NEXTAUTH_URL is not a valid URL (got ${env.NEXTAUTH_URL}): set it to the app's public https:// address`);
  else if (url.protocol !== "https:")
    problems.push(`NEXTAUTH_URL must start with https:// in production (got ${url.protocol}//), or session cookies lose their Secure flag`);
  // Two-step sign-in's secrets are sealed with this key: a malformed one would fail at the first sign-in.
  for (const name of ["SECOND_FACTOR_KEY", "SECOND_FACTOR_KEY_PREVIOUS"]) {
    const keyProblem = findSecondFactorKeyProblem(env[name], name);
    if (keyProblem) problems.push(keyProblem);
  }
  // A multi-tenant setting would let Microsoft accounts from outside the council sign in.
  const tenant = findEntraTenantProblem(env.ENTRA_TENANT_ID);
  if (tenant) problems.push(tenant);
  const pdfLimit = findPdfRenderLimitProblem(env.PDF_RENDERS_PER_PROCESS);
  if (pdfLimit) problems.push(pdfLimit);
  const key = findActionKeyProblem(env[ACTION_KEY], buildActionKey);
  if (key) problems.push(key);
  return problems;
}

/**
 * The server actions' key must be AES-sized base64 and, when set, the one the build was made with:
 * Next.js derives every action's id from it at build time, so servers built with different keys
 * cannot take each other's form posts ("Failed to find Server Action").
 * @param {string | undefined} envKey
 * @param {string | null | undefined} buildKey the key in the build's server-reference-manifest.json
 * @returns {string | null}
 */
export function findActionKeyProblem(envKey, buildKey) {
  if (envKey === undefined || envKey === "") return null;
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(envKey) ? Buffer.from(envKey, "base64").length : 0;
  if (![16, 24, 32].includes(bytes))
    return `${ACTION_KEY} must be base64 of a 16, 24 or 32-byte key (make one with: openssl rand -base64 32)`;
  if (buildKey && buildKey !== envKey)
    return `${ACTION_KEY} is not the key this build was made with: run npm run build again with it set, the same on every server`;
  return null;
}

/**
 * What npm start warns about but starts anyway.
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function findStartupWarnings(env) {
  const warnings = [];
  if (!env[ACTION_KEY]) {
    warnings.push(
      `${ACTION_KEY} is not set: this build's server actions use a key Next.js made at build time, so a second server can take this one's form posts only if it runs this very build (the same folder, copied). To run more than one server, set it (openssl rand -base64 32) when building and on every server: see "Running more than one server" in docs/operations.md`,
    );
  }
  return warnings;
}
