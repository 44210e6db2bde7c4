// npm run bench:profile: where one page's time goes under load. Loads the benchmark council (as npm run
// bench does) into a throwaway embedded database, starts the bench build with V8's CPU profiler on,
// puts PROFILE_SECONDS of 10 connections on PROFILE_PATH as PROFILE_AS after a few unmeasured seconds,
// stops the server (which writes the profile) and prints where the time went
// (summarise-profile.mjs). Function names are minified unless the build was made without server
// minification: BENCH_DIST_DIR=.next-prof NEXT_SERVER_MINIFY=0 npm run bench:profile.
// Counts the database's transactions per request too (pg_stat_database, as docs/performance.md does).
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startDatabase } from "../db-runtime.mjs";
import { deployMigrations } from "../migrate-deploy.mjs";
import { BENCH_SECRET, ROOT, bin, buildIfNeeded, log, run, signIn, startApp } from "./app-server.mjs";
import { summariseProfile } from "./summarise-profile.mjs";

const PAGE = process.env.PROFILE_PATH ?? "/periods/2019-07";
const AS = process.env.PROFILE_AS ?? "director@northbridge.example";
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.PROFILE_WARMUP_SECONDS ?? 5);
fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
const dir = fs.mkdtempSync(path.join(ROOT, "bench-results", "profile-"));

buildIfNeeded();
const db = await startDatabase({ test: true });
let server;
try {
  await deployMigrations(db.url);
  log("loading the benchmark council");
  await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/load-council.ts"], {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: BENCH_SECRET,
  });
  process.env.BENCH_CPU_PROF = dir;
  server = await startApp(db.url);
  const cookie = await signIn(server.origin, AS);
  const url = `${server.origin}${PAGE}`;
  const headers = { cookie, "accept-encoding": "gzip, br" };
  await autocannon({ url, connections: 10, duration: WARMUP_SECONDS, headers });

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const transactions = async () =>
    Number(
      (await client.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()")).rows[0].n,
    );
  // Each backend reports its counts when idle for a moment: wait for them before and after.
  await new Promise((r) => setTimeout(r, 1500));
  const before = await transactions();
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  await new Promise((r) => setTimeout(r, 11_000));
  const perRequest = (await transactions()) - before - 2; // less this client's own two readings
  await client.end();
  console.log(
    `${PAGE} as ${AS}: ${r.requests.average} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
      `non-2xx ${r.non2xx}, ${(perRequest / r.requests.total).toFixed(2)} database transactions a request`,
  );
} finally {
  server?.stop();
  // The profile is written as the process exits.
  for (let i = 0; i < 40 && !fs.readdirSync(dir).some((f) => f.endsWith(".cpuprofile")); i++) await new Promise((r) => setTimeout(r, 250));
  await db.stop();
}
const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile was written in ${dir}`);
console.log(`profile: ${path.join(dir, file)} (open it in Chrome's DevTools, Performance)`);
console.log(summariseProfile(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))));
