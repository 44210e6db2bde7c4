// Checks the hand-written mutation list (scripts/mutation/mutations.mjs) against the code as it stands:
// each mutation's `find` must occur exactly once in its file, and its tests must exist. Used by
// `npm run test:mutation -- --check` and by mutations.test.ts, so the list cannot rot unnoticed when
// the code it mutates is edited. Also the pure helpers the runner (run.mjs) shares with its test.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { importClosure as followImports } from "../import-graph.mjs";

export const root = path.resolve(import.meta.dirname, "..", "..");

const escape = (c) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * Where `find` occurs in `text`, however a formatter has laid it out since the list was written: any
 * whitespace (or none) may stand between its characters, and a trailing comma before a closing bracket.
 * So reformatting the code (Prettier wrapping a long line) does not break the list; a real edit does.
 */
export function locate(text, find) {
  const chars = [...find.replace(/\s+/g, "")];
  if (!chars.length) return [];
  const pattern = new RegExp(chars.map((c) => (/[}\])]/.test(c) ? `,?\\s*${escape(c)}` : escape(c))).join("\\s*"), "g");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** How many times `find` occurs in `text` (see locate). */
export const occurrences = (text, find) => locate(text, find).length;

/** The text with its one occurrence of `find` replaced, and the text it replaced; throws unless there is exactly one. */
export function mutate(text, { find, replace, file }) {
  const found = locate(text, find);
  if (found.length !== 1) throw new Error(`${file}: the text to replace occurs ${found.length} times, not once`);
  const [{ start, end }] = found;
  return { text: text.slice(0, start) + replace + text.slice(end), replaced: text.slice(start, end) };
}

/** The text with its one occurrence of `find` replaced; throws unless there is exactly one. */
export const applyMutation = (text, mutation) => mutate(text, mutation).text;

export const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/**
 * What to write back to a file that held a mutation, given what it holds now: the original when it is
 * exactly the mutant; nothing when it is already the original; when someone else edited it meanwhile,
 * their text with only the mutation undone (the inverse replacement), or null when that cannot be done.
 */
export function undoMutation(now, { original, mutated, find, replace }) {
  if (now === mutated) return { outcome: "restored", text: original };
  if (now === original) return { outcome: "unchanged", text: original };
  // The mutation went in verbatim, so it is looked for verbatim; `find` is the text it replaced.
  const at = replace ? now.indexOf(replace) : -1;
  if (at >= 0 && now.indexOf(replace, at + 1) < 0) {
    return { outcome: "collision", text: now.slice(0, at) + find + now.slice(at + replace.length) };
  }
  return { outcome: "lost", text: null };
}

/** Every project file reachable by imports from `files` (paths relative to the project, or folders), themselves included. */
export function importClosure(files) {
  const start = files.flatMap((f) => {
    const abs = path.join(root, f);
    if (!fs.existsSync(abs)) return [];
    if (!fs.statSync(abs).isDirectory()) return [abs];
    return fs
      .readdirSync(abs, { recursive: true })
      .map((n) => path.join(abs, String(n)))
      .filter((p) => p.endsWith(".test.ts"));
  });
  // The files whose edits (by someone else, during a run) could change what the run's tests see.
  return new Set([...followImports(start)].map((f) => path.relative(root, f).split(path.sep).join("/")));
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Problems with the list, as sentences; an empty array when every mutation can be applied.
 * `read` is given so a test can check a list against text of its own.
 */
export function checkMutations(
  mutations,
  { read = (file) => fs.readFileSync(path.join(root, file), "utf8"), exists = (p) => fs.existsSync(path.join(root, p)) } = {},
) {
  const problems = [];
  const seen = new Set();
  for (const [i, m] of mutations.entries()) {
    const name = m?.id ? `${m.id}` : `mutation ${i + 1}`;
    for (const key of ["id", "file", "find", "why"]) if (typeof m?.[key] !== "string" || !m[key]) problems.push(`${name}: no ${key}`);
    if (typeof m?.replace !== "string") problems.push(`${name}: no replace`);
    if (problems.length && problems.at(-1).startsWith(`${name}:`)) continue;
    if (!ID.test(m.id)) problems.push(`${name}: the id must be lower case letters, digits and hyphens`);
    if (seen.has(m.id)) problems.push(`${name}: the id is used twice`);
    seen.add(m.id);
    if (m.find === m.replace) problems.push(`${name}: find and replace are the same`);
    if (!Array.isArray(m.tests) || m.tests.length === 0) problems.push(`${name}: no tests named`);
    else for (const t of m.tests) if (!exists(t)) problems.push(`${name}: the test ${t} does not exist`);
    let text;
    try {
      text = read(m.file);
    } catch {
      problems.push(`${name}: ${m.file} cannot be read`);
      continue;
    }
    const n = occurrences(text, m.find);
    if (n !== 1)
      problems.push(
        `${name}: the text to replace occurs ${n} times in ${m.file}, not once: ${JSON.stringify(m.find.length > 80 ? `${m.find.slice(0, 77)}...` : m.find)}`,
      );
  }
  return problems;
}

/**
 * Whether a run of the mutated code killed the mutant, from Vitest's JSON report (jest's format):
 * a test that failed, or a test file that could not run, other than those failing without the mutation.
 */
export function judgeRun({ exitCode, timedOut, report, baselineFailures = new Set(), baselineExitedCleanly = true }) {
  if (timedOut) return { killed: true, by: ["(timed out)"] };
  const failing = [];
  for (const file of report?.testResults ?? []) {
    const rel = path.relative(root, file.name).split(path.sep).join("/");
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    if (file.status === "failed" && failedTests.length === 0) failing.push(`${rel} (did not run)`);
    for (const t of failedTests) failing.push(`${rel} > ${t.fullName}`);
  }
  const by = failing.filter((f) => !baselineFailures.has(f));
  if (by.length) return { killed: true, by };
  // A non-zero exit with no new failing test: a crash before any report, or an error outside the
  // tests (an unhandled rejection). Killed, unless the unmutated code does the same.
  if (exitCode !== 0 && !report) return { killed: true, by: ["(Vitest exited with an error and no report)"] };
  if (exitCode !== 0 && baselineExitedCleanly) return { killed: true, by: ["(Vitest reported an error outside the tests)"] };
  return { killed: false, by: [] };
}
