// What npm start refuses in production, as one list of one-line reasons. Plain JS: start.mjs runs in Node.
import { findSecretProblem, SECRET_ADVICE } from "../lib/auth/secret-check.mjs";

/**
 * @param {Record<string, string | undefined>} env
 * @returns {string[]} why the app must not start; empty when it may
 */
export function findStartupProblems(env) {
  const problems = [];
  if (findSecretProblem(env.NEXTAUTH_SECRET)) problems.push(SECRET_ADVICE);
  // The embedded PostgreSQL is for the demo and development: production says so explicitly.
  if (!env.DATABASE_URL && env.USE_EMBEDDED_DATABASE !== "1") {
    problems.push("DATABASE_URL is not set. Point it at your PostgreSQL server, or set USE_EMBEDDED_DATABASE=1 to run the embedded PostgreSQL under data/ on purpose");
  }
  // Without https the session cookie loses its Secure flag and travels in the clear.
  let url = null;
  try { url = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL) : null; } catch { url = null; }
  if (!env.NEXTAUTH_URL) problems.push("NEXTAUTH_URL is not set: set it to the app's public https:// address");
  else if (!url) problems.push(`NEXTAUTH_URL is not a valid URL (got ${env.NEXTAUTH_URL}): set it to the app's public https:// address`);
  else if (url.protocol !== "https:") problems.push(`NEXTAUTH_URL must start with https:// in production (got ${url.protocol}//), or session cookies lose their Secure flag`);
  return problems;
}
