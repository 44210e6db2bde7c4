// npm run bench:tests: how long a developer waits for the Vitest suite, each project alone and all
// together, measured as the wall time of the command they would type (`npm run test:unit -- --project
// <name>`), a throwaway embedded PostgreSQL started and stopped included. Runs each RUNS times (default
// 1), prints the median against the aims of issue 23 (pure tests under a minute, all of Vitest under five)
// and writes bench-results/test-timings.md (`-- pure slow` for some suites only). Measure on an otherwise idle machine: the figures are only
// as quiet as the machine is.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { ROOT, log } from "./app-server.mjs";

const RUNS = Number(process.env.RUNS ?? 1);
const SUITES = [
  { name: "pure", args: ["--project", "pure"], aim: 60 },
  { name: "database", args: ["--project", "database"] },
  { name: "slow", args: ["--project", "slow"] },
  { name: "all of Vitest", args: [], aim: 300 },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function time(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ["scripts/with-db.mjs", "--migrate", "--test-db", "vitest", "run", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    throw new Error(`vitest run ${args.join(" ")} failed (exit ${r.status}): timings of a failing suite mean nothing`);
  }
  const out = stripVTControlCharacters(r.stdout);
  const files = /Test Files\s+(\d+) passed/.exec(out)?.[1] ?? "?";
  const tests = /Tests\s+(\d+) passed/.exec(out)?.[1] ?? "?";
  return { seconds, files, tests };
}

// `npm run bench:tests -- pure slow` measures those suites only.
const wanted = process.argv.slice(2);
const rows = [];
for (const suite of SUITES.filter((s) => !wanted.length || wanted.includes(s.name))) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    log(`${suite.name}: run ${i + 1} of ${RUNS}`);
    runs.push(time(suite.args));
  }
  const seconds = median(runs.map((r) => r.seconds));
  rows.push({ ...suite, seconds, files: runs[0].files, tests: runs[0].tests });
}

const load = os.loadavg()[0].toFixed(1);
const lines = [
  `# Vitest timings, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `${os.cpus().length} cores, load ${load} at the end, median of ${RUNS} run(s); wall time of \`npm run test:unit -- <args>\`, database start included.`,
  "",
  "| suite | files | tests | seconds | aim | met |",
  "|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.files} | ${r.tests} | ${r.seconds.toFixed(1)} | ${r.aim ? `under ${r.aim}` : ""} | ${r.aim ? (r.seconds < r.aim ? "yes" : "no") : ""} |`,
  ),
  "",
];
const out = path.join(ROOT, "bench-results", "test-timings.md");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join("\n"));
console.log(lines.join("\n"));
log(`written to ${path.relative(ROOT, out)}`);
