// node scripts/bench/pages-bench.mjs: the live preview and the period page (and the published pack,
// for the preview's ratio) under the bench's load, on the benchmark council, ROUNDS times each.
// A quicker loop than `npm run bench` while working on those two pages; same council, same build.
import autocannon from "autocannon";
import { startDatabase } from "../db-runtime.mjs";
import { deployMigrations } from "../migrate-deploy.mjs";
import { bin, buildIfNeeded, log, run, signIn, startApp } from "./app-server.mjs";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ONLY = (process.env.BENCH_ONLY ?? "published,preview,period").split(",");

async function load(url, cookie) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
  const bad = r.non2xx + r.errors + r.timeouts;
  return `${bad ? `${bad} FAILED of ${r.requests.total}, ` : ""}${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, p95 ${r.latency.p97_5} ms (p97.5), p99 ${r.latency.p99} ms, max ${r.latency.max} ms`;
}

buildIfNeeded();
// BENCH_DATABASE_URL: a database that already holds the benchmark council (kept between runs).
const reuse = process.env.BENCH_DATABASE_URL;
const db = reuse ? { url: reuse, stop: async () => {} } : await startDatabase({ test: true });
let server;
try {
  if (!reuse) {
    await deployMigrations(db.url);
    log("loading the benchmark council");
    await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/load-council.ts"], { DATABASE_URL: db.url });
  }
  server = await startApp(db.url);
  const { origin } = server;
  const panel = await signIn(origin, "panel@northbridge.example");
  const director = await signIn(origin, "director@northbridge.example");
  const month = "2019-07";
  const pages = {
    published: [`${origin}/packs/${month}`, panel],
    preview: [`${origin}/packs/${month}?preview=1`, director],
    period: [`${origin}/periods/${month}`, director],
  };
  for (const [, [url, cookie]] of Object.entries(pages)) await (await fetch(url, { headers: { cookie } })).text(); // warm up
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of ONLY) console.log(`round ${round} ${name.padEnd(9)} ${await load(...pages[name])}`);
  }
} finally {
  server?.stop();
  await db.stop();
}
