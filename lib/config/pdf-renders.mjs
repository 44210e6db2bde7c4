// How many PDF renders one app process runs or queues at once (PDF_RENDERS_PER_PROCESS). Shared by
// scripts/start-checks.mjs (npm start refuses a bad value) and lib/pack/delivery/pdf-pack.ts (which
// answers 503 with Retry-After beyond it). Plain JS: start-checks runs in Node without TypeScript.

export const DEFAULT_PDF_RENDERS_PER_PROCESS = 2;
export const MAX_PDF_RENDERS_PER_PROCESS = 16;

/**
 * Why PDF_RENDERS_PER_PROCESS cannot be used, or null when it can (unset is the default).
 * @param {string | undefined} raw
 * @returns {string | null}
 */
export function findPdfRenderLimitProblem(raw) {
  if (raw === undefined || raw.trim() === "") return null;
  const n = Number(raw.trim());
  if (Number.isInteger(n) && n >= 1 && n <= MAX_PDF_RENDERS_PER_PROCESS) return null;
  return `PDF_RENDERS_PER_PROCESS must be a whole number from 1 to ${MAX_PDF_RENDERS_PER_PROCESS} (got ${JSON.stringify(raw)}): how many PDFs one server makes or queues at once (default ${DEFAULT_PDF_RENDERS_PER_PROCESS})`;
}

/**
 * The limit, or an Error naming the variable when it is malformed.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
export function pdfRendersPerProcess(env = process.env) {
  const raw = env.PDF_RENDERS_PER_PROCESS;
  const problem = findPdfRenderLimitProblem(raw);
  if (problem) throw new Error(problem);
  return raw === undefined || raw.trim() === "" ? DEFAULT_PDF_RENDERS_PER_PROCESS : Number(raw.trim());
}
