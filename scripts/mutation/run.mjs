// npm run test:mutation: applies each hand-written mutation of the core rules (mutations.mjs) alone,
// runs the tests named for it, and reports the share killed (a test failed) against survived (every
// test passed with the bug in place). Writes bench-results/mutation.md (mutation-partial.md for some ids).
//
//   node scripts/mutation/run.mjs [id ...] [--check] [--write] [--min 90] [--no-baseline] [--timeout 900]
//
//   id ...          only these mutations (default: all)
//   --check         only check that each mutation's text occurs exactly once in its file (fast; no tests)
//   --write         apply mutations to the files on disk instead of in memory (see below)
//   --min N         exit 1 when under N% are killed (otherwise the report exits 0)
//   --no-baseline   skip the run of the same tests on the unmutated code first
//   --timeout S     a run longer than S seconds counts as killed (an endless loop is a detected bug)
//
// By default a mutation is applied in memory: Vitest runs with scripts/mutation/vitest.config.ts, whose
// plugin rewrites the file's source as it is loaded, so the working tree never changes and nobody else
// editing, testing or committing in it can meet a mutant. With --write the file itself is rewritten for
// the run and put back straight after: read fresh before each mutation, restored in a finally block and
// on Ctrl-C, and checked by hash; a file someone edited meanwhile gets only the inverse replacement.
//
// The test database is started once for the whole run (a throwaway embedded cluster, as `npm run
// test:unit` uses), and only when a selected mutation has database tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MUTATIONS } from "./mutations.mjs";
import { checkMutations, importClosure, judgeRun, mutate, occurrences, root, sha256, undoMutation } from "./check.mjs";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
};
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const checkOnly = flag("--check");
const writeMode = flag("--write");
const noBaseline = flag("--no-baseline");
const min = option("--min", undefined);
const timeoutSeconds = Number(option("--timeout", "900"));
const unknownFlag = args.find((a) => a.startsWith("--"));
if (unknownFlag) {
  console.error(`Unknown option ${unknownFlag}`);
  process.exit(2);
}

const problems = checkMutations(MUTATIONS);
if (checkOnly) {
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  console.log(`${MUTATIONS.length} mutations: each one's text occurs exactly once in its file, and its tests exist.`);
  process.exit(0);
}

const unknown = args.filter((id) => !MUTATIONS.some((m) => m.id === id));
if (unknown.length) {
  console.error(`No such mutation: ${unknown.join(", ")}`);
  process.exit(2);
}
const selected = args.length ? MUTATIONS.filter((m) => args.includes(m.id)) : MUTATIONS;
const selectedProblems = problems.filter((p) => selected.some((m) => p.startsWith(`${m.id}:`)));
if (selectedProblems.length) {
  console.error(`The mutation list does not fit the code as it stands (npm run test:mutation -- --check):\n${selectedProblems.join("\n")}`);
  process.exit(1);
}

const vitest = path.join(root, "node_modules", ".bin", "vitest");
const mutationConfig = path.join(root, "scripts", "mutation", "vitest.config.ts");
const outDir = path.join(root, "bench-results");
const logDir = path.join(outDir, "mutation-logs");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "mutation-"));
fs.mkdirSync(logDir, { recursive: true });

// --- The file being mutated on disk (--write only), so every way out puts it back. ---
/** @type {null | { file: string; abs: string; original: string; originalHash: string; mutated: string; replaced: string; m: any }} */
let onDisk = null;
const collisions = [];

/** Puts the mutated file back as it was; if someone changed it meanwhile, undoes only the mutation. */
function restoreFile() {
  if (!onDisk) return;
  const { abs, file, original, originalHash, mutated, replaced, m } = onDisk;
  onDisk = null;
  const undo = undoMutation(fs.readFileSync(abs, "utf8"), { original, mutated, find: replaced, replace: m.replace });
  if (undo.outcome === "restored") {
    fs.writeFileSync(abs, undo.text);
    const back = sha256(fs.readFileSync(abs, "utf8"));
    if (back !== originalHash) throw new Error(`${file} could not be restored: its hash is ${back}, not ${originalHash}`);
  } else if (undo.outcome === "collision") {
    fs.writeFileSync(abs, undo.text);
    collisions.push(`${m.id}: ${file} was edited by someone else during the run; only the mutation was undone, their edit kept`);
    console.error(`\n!! ${file} was edited by someone else during mutation ${m.id}: the mutation alone was undone. Check the file.`);
  } else if (undo.outcome === "lost") {
    const saved = path.join(os.tmpdir(), `mutation-original-${m.id}-${Date.now()}`);
    fs.writeFileSync(saved, original);
    collisions.push(
      `${m.id}: ${file} changed during the run and the mutated text is not in it once: CHECK IT BY HAND (original saved at ${saved})`,
    );
    console.error(
      `\n!! ${file} changed during mutation ${m.id} and the mutated text is not in it once: check it by hand. The original is saved at ${saved}`,
    );
  }
}

let child = null;
let db = null;
let stopping = false;
/** On a signal: stop the child and the database, and put back any mutated file, once. */
async function stopOn(sig) {
  if (stopping) return;
  stopping = true;
  console.error(`\n${sig}: stopping; putting back any mutated file`);
  child?.kill("SIGTERM");
  try {
    restoreFile();
  } catch (e) {
    console.error(String(e));
  }
  await db?.stop().catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(130);
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => void stopOn(sig));
process.on("exit", () => {
  try {
    restoreFile();
  } catch (e) {
    console.error(String(e));
  }
});

// --- Which tests need the database ---
const { classifyTestFiles } = await import("../../test/test-projects.mjs");
const classes = classifyTestFiles();
const databaseFiles = new Set([...classes.database, ...classes.slow]);
const needsDatabase = (tests) => tests.some((t) => [...databaseFiles].some((f) => f === t || f.startsWith(`${t.replace(/\/$/, "")}/`)));

if (selected.some((m) => needsDatabase(m.tests))) {
  const { startDatabase, StartupError } = await import("../db-runtime.mjs");
  const { deployMigrations } = await import("../migrate-deploy.mjs");
  try {
    db = await startDatabase({ test: true });
    await deployMigrations(db.url);
  } catch (e) {
    console.error(e instanceof StartupError ? e.message : `Could not prepare the test database: ${e?.message ?? e}`);
    await db?.stop();
    process.exit(1);
  }
}

/** Runs Vitest over `tests`, with `mutation` applied in memory unless it is on disk; its JSON report. */
function runVitest(tests, { mutation, logName }) {
  const report = path.join(scratch, `${logName}.json`);
  const marker = path.join(scratch, `${logName}.marker`);
  fs.rmSync(report, { force: true });
  fs.rmSync(marker, { force: true });
  const env = { ...process.env, ...(db ? { DATABASE_URL: db.url } : {}), FORCE_COLOR: "0" };
  delete env.MUTATION;
  if (mutation && !writeMode)
    Object.assign(env, {
      MUTATION: JSON.stringify({ file: mutation.file, find: mutation.find, replace: mutation.replace }),
      MUTATION_MARKER: marker,
    });
  const argv = [
    "run",
    "--config",
    writeMode ? path.join(root, "vitest.config.ts") : mutationConfig,
    "--reporter=json",
    `--outputFile=${report}`,
    "--reporter=dot",
    ...tests,
  ];
  const log = fs.openSync(path.join(logDir, `${logName}.log`), "w");
  const started = Date.now();
  return new Promise((resolve) => {
    child = spawn(vitest, argv, { cwd: root, env, stdio: ["ignore", log, log] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutSeconds * 1000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(log);
      child = null;
      let parsed = null;
      try {
        parsed = JSON.parse(fs.readFileSync(report, "utf8"));
      } catch {
        parsed = null;
      }
      const applied = fs.existsSync(marker) ? fs.readFileSync(marker, "utf8") : "";
      resolve({ exitCode: code ?? (signal ? 1 : 0), timedOut, report: parsed, applied, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Failing tests of a report, named as judgeRun names them. */
function failuresOf(report) {
  return new Set(judgeRun({ exitCode: 1, timedOut: false, report, baselineExitedCleanly: false }).by);
}

// --- Others' edits: the tree is watched while the tests run ---
const edits = [];
const watchers = ["lib", "test", "app", "scripts"]
  .filter((d) => fs.existsSync(path.join(root, d)))
  .map((d) =>
    fs.watch(path.join(root, d), { recursive: true }, (_event, name) => {
      if (!name) return;
      const rel = `${d}/${String(name).split(path.sep).join("/")}`;
      if (rel.startsWith("scripts/mutation/") || rel.startsWith("lib/generated/") || !/\.(ts|tsx|mts|mjs|js|json|sql|prisma)$/.test(rel))
        return;
      edits.push({ at: Date.now(), file: rel });
    }),
  );
const editsBetween = (from, to, ignore, relevant) => [
  ...new Set(edits.filter((e) => e.at >= from && e.at <= to && e.file !== ignore && relevant.has(e.file)).map((e) => e.file)),
];
/** What a run of these tests loads: their imports, followed, and the Vitest setup around them. */
const SETUP = [
  "vitest.config.ts",
  "scripts/mutation/vitest.config.ts",
  "test/test-projects.mjs",
  "test/setup-db.ts",
  "test/global-setup-db.ts",
];
const loadedBy = (tests) => importClosure([...tests, ...SETUP]);

const startedAt = Date.now();
let baselineFailures = new Set();
let baselineClean = true;
if (!noBaseline) {
  const tests = [...new Set(selected.flatMap((m) => m.tests))].sort();
  process.stdout.write(`Baseline: the ${tests.length} test files on the unmutated code... `);
  const base = await runVitest(tests, { mutation: null, logName: "baseline" });
  if (stopping) await new Promise(() => {});
  baselineFailures = failuresOf(base.report);
  baselineClean = base.exitCode === 0;
  console.log(
    `${base.exitCode === 0 ? "all pass" : `${baselineFailures.size} failing (left out of the judging)`} (${base.seconds.toFixed(0)} s)`,
  );
  for (const f of baselineFailures) console.log(`  fails without any mutation: ${f}`);
}

/** The test files named in a verdict's failures ("lib/x.test.ts > name", "lib/x.test.ts (did not run)"). */
const filesOf = (by) => [...new Set(by.map((f) => /^(\S+\.test\.ts)(?: >| \(did not run\))/.exec(f)?.[1]).filter(Boolean))];

/**
 * One mutation, judged. A run during which someone else edited the tree is run again (up to three
 * times); a kill is confirmed by running the failing files again without the mutation, so that a test
 * broken by someone else's edit (or someone else's mutation left on disk for a moment) is not counted.
 */
async function judgeMutation(m) {
  const notes = [];
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= 3;
    const abs = path.join(root, m.file);
    // Read fresh: someone may have edited the file since the last mutation.
    const original = fs.readFileSync(abs, "utf8");
    if (occurrences(original, m.find) !== 1) {
      return {
        status: "not applied",
        by: [`the text to replace occurs ${occurrences(original, m.find)} times in ${m.file} now`],
        seconds: 0,
        notes,
      };
    }
    const from = Date.now() - 1000;
    let run;
    try {
      if (writeMode) {
        const { text: mutated, replaced } = mutate(original, m);
        onDisk = { file: m.file, abs, original, originalHash: sha256(original), mutated, replaced, m };
        fs.writeFileSync(abs, mutated);
      }
      run = await runVitest(m.tests, { mutation: m, logName: m.id });
    } finally {
      restoreFile();
    }
    if (stopping) await new Promise(() => {}); // the signal handler stops the database and exits
    const changed = editsBetween(from, Date.now(), writeMode ? m.file : null, loadedBy(m.tests));
    if (changed.length) {
      notes.push(
        `others edited ${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ` and ${changed.length - 3} more` : ""} during run ${attempt}`,
      );
      if (!last) {
        process.stdout.write(`(others edited ${changed.length} file${changed.length === 1 ? "" : "s"} during the run: again) `);
        continue;
      }
    }
    if (!writeMode && run.applied.includes("not-unique")) {
      return {
        status: "not applied",
        by: [`${m.file} changed during the run: its text no longer occurs once`],
        seconds: run.seconds,
        notes,
      };
    }
    if (!writeMode && !run.applied.includes("applied")) {
      return { status: "survived", by: ["(the tests never loaded the file)"], seconds: run.seconds, notes };
    }
    const verdict = judgeRun({ ...run, baselineFailures, baselineExitedCleanly: baselineClean });
    if (!verdict.killed) return { status: "survived", by: [], seconds: run.seconds, notes };
    const files = filesOf(verdict.by);
    if (!files.length) return { status: "killed", by: verdict.by, seconds: run.seconds, notes };
    const confirm = await runVitest(files, { mutation: null, logName: `${m.id}.unmutated` });
    if (stopping) await new Promise(() => {});
    const alsoUnmutated = [...failuresOf(confirm.report)].filter((f) => verdict.by.includes(f));
    if (!alsoUnmutated.length) return { status: "killed", by: verdict.by, seconds: run.seconds, notes };
    notes.push(`run ${attempt}: ${alsoUnmutated[0]} failed without the mutation too`);
    if (last) return { status: "not judged", by: verdict.by, seconds: run.seconds, notes };
    process.stdout.write("(the failing tests fail without the mutation too: again in a minute) ");
    await new Promise((r) => setTimeout(r, 60_000));
  }
}

const results = [];
for (const [i, m] of selected.entries()) {
  if (stopping) break;
  process.stdout.write(`[${i + 1}/${selected.length}] ${m.id} (${m.file}) ... `);
  const r = { m, ...(await judgeMutation(m)) };
  results.push(r);
  const detail =
    r.status === "killed" ? `: ${r.by[0]}${r.by.length > 1 ? ` and ${r.by.length - 1} more` : ""}` : r.by.length ? `: ${r.by[0]}` : "";
  console.log(`${r.status === "killed" ? "killed" : r.status.toUpperCase()} (${r.seconds.toFixed(0)} s)${detail}`);
}
for (const w of watchers) w.close();

await db?.stop();
fs.rmSync(scratch, { recursive: true, force: true });

// --- Report ---
const killed = results.filter((r) => r.status === "killed").length;
const survived = results.filter((r) => r.status === "survived").length;
// Not judged: the line changed under the run, or the failing tests failed without the mutation too.
const unjudged = results.filter((r) => r.status !== "killed" && r.status !== "survived");
const total = killed + survived;
const score = total ? (100 * killed) / total : 0;
const minutes = (Date.now() - startedAt) / 60_000;
const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
const lines = [
  "# Mutation testing",
  "",
  `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, ${writeMode ? "mutations written to the files" : "mutations applied in memory"}: ` +
    `**${killed} of ${total} killed (${score.toFixed(1)}%)**${unjudged.length ? `, ${unjudged.length} not judged` : ""} in ${minutes.toFixed(1)} minutes. ` +
    "Made by `npm run test:mutation` (scripts/mutation/run.mjs, mutations in scripts/mutation/mutations.mjs).",
  "",
  ...(baselineFailures.size
    ? ["Tests failing on the unmutated code, left out of the judging:", "", ...[...baselineFailures].map((f) => `- ${cell(f)}`), ""]
    : []),
  ...(collisions.length ? ["Files edited by someone else during the run:", "", ...collisions.map((c) => `- ${cell(c)}`), ""] : []),
  "| id | file | result | seconds | what the bug would do | caught by |",
  "|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.m.id} | ${r.m.file} | ${r.status} | ${r.seconds.toFixed(0)} | ${cell(r.m.why)} | ${cell(r.by.slice(0, 2).join("; "))}${r.by.length > 2 ? ` (+${r.by.length - 2})` : ""}${r.notes.length ? ` (${cell(r.notes.join("; "))})` : ""} |`,
  ),
  "",
];
const survivors = results.filter((r) => r.status === "survived");
if (survivors.length) {
  lines.push("## Survivors", "");
  for (const r of survivors)
    lines.push(
      `- **${r.m.id}** (${r.m.file}): ${cell(r.m.why)}. ${r.m.harmless ? `Harmless: ${cell(r.m.harmless)}` : "Not yet explained: a gap in the tests."}`,
    );
  lines.push("");
}
if (unjudged.length) {
  lines.push("## Not judged", "");
  for (const r of unjudged) lines.push(`- **${r.m.id}** (${r.m.file}, ${r.status}): ${cell([...r.by.slice(0, 1), ...r.notes].join("; "))}`);
  lines.push("");
}
fs.mkdirSync(outDir, { recursive: true });
// A run of some mutations only does not overwrite the whole list's report.
const reportName = args.length ? "mutation-partial.md" : "mutation.md";
fs.writeFileSync(path.join(outDir, reportName), lines.join("\n"));

console.log("");
const width = Math.max(...results.map((r) => r.m.id.length), 2);
for (const r of results) console.log(`${r.m.id.padEnd(width)}  ${r.status.padEnd(11)}  ${r.m.file}`);
console.log(
  `\n${killed} of ${total} mutations killed: ${score.toFixed(1)}%${unjudged.length ? ` (${unjudged.length} not judged)` : ""} (${minutes.toFixed(1)} minutes). Report: bench-results/${reportName}; logs: bench-results/mutation-logs/`,
);
for (const r of survivors) console.log(`  survived: ${r.m.id}${r.m.harmless ? ` (harmless: ${r.m.harmless})` : ""}`);
for (const r of unjudged) console.log(`  ${r.status}: ${r.m.id}: ${[...r.by.slice(0, 1), ...r.notes].join("; ")}`);
for (const c of collisions) console.log(`  collision: ${c}`);
if (min !== undefined && score < Number(min)) {
  console.error(`Under the minimum of ${min}%`);
  process.exit(1);
}
