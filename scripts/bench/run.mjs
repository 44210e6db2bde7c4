// npm run bench: builds (into .next-bench) if needed, loads the benchmark council into a throwaway
// embedded database, starts `next start` on a free loopback port and measures, in one run: the published
// pack page vs a static file of the same bytes, the live preview, the period page, the PDF route, the
// value import vs raw insert, and the JavaScript each page sends. Prints a table and which aims are met,
// and writes it to bench-results/latest.md. Every request goes to 127.0.0.1 only and every load is bounded.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { startDatabase } from "../db-runtime.mjs";
import { openEngine } from "../migrate-engine.mjs";
import { ROOT, bin, buildIfNeeded, log, run, signIn, startApp } from "./app-server.mjs";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function load(url, cookie) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: cookie ? { cookie } : {} });
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad) throw new Error(`${url}: ${bad} failed requests of ${r.requests.total}`);
  return { rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5 ?? r.latency.p90, p99: r.latency.p99, bytes: r.throughput.average / Math.max(1, r.requests.average) };
}

async function scriptBytes(origin, pagePath, cookie) {
  const html = await (await fetch(`${origin}${pagePath}`, { headers: cookie ? { cookie } : {} })).text();
  const srcs = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]))];
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  let gz = inline ? zlib.gzipSync(inline).length : 0;
  for (const src of srcs) gz += zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer())).length;
  return { files: srcs.length, gzip: gz };
}

async function timed(fn) { const t = performance.now(); const r = await fn(); return [r, performance.now() - t]; }

buildIfNeeded();
const db = await startDatabase({ test: true });
let server;
const staticFile = path.join(ROOT, "public", "bench-static.html");
try {
  const engine = await openEngine(db.url);
  await engine.deploy();
  engine.close();
  const env = { DATABASE_URL: db.url };
  log("loading the benchmark council (this signs off and publishes every month)");
  const [loadOut, loadMs] = await timed(() => run(bin("tsx"), ["--conditions=react-server", "scripts/bench/load-council.ts"], env));
  const loaded = JSON.parse(loadOut.trim().split("\n").at(-1));
  log("loaded", loaded, `in ${(loadMs / 1000).toFixed(0)} s`);

  fs.mkdirSync(path.dirname(staticFile), { recursive: true });
  fs.writeFileSync(staticFile, "placeholder"); // public/ files are found at start: it must exist then
  server = await startApp(db.url);
  const { origin } = server;
  const panel = await signIn(origin, "panel@northbridge.example");
  const director = await signIn(origin, "director@northbridge.example");
  const month = "2019-07";
  const pack = `${origin}/packs/${month}`;

  const [, firstPageMs] = await timed(() => fetch(pack, { headers: { cookie: panel } }).then((r) => r.text()));
  const published = await (await fetch(pack, { headers: { cookie: panel } })).text();
  if (!published.includes('id="pack-title"')) throw new Error("the published pack page did not render");
  fs.writeFileSync(staticFile, published);

  log("measuring with autocannon:", `${CONNECTIONS} connections, ${DURATION} s each`);
  const r = {};
  r.static = await load(`${origin}/bench-static.html`, panel); // through the same proxy and sign-in check as the pack
  r.published = await load(pack, panel);
  r.preview = await load(`${pack}?preview=1`, director);
  r.period = await load(`${origin}/periods/${month}`, director);

  const [pdf1, pdfFirstMs] = await timed(() => fetch(`${pack}/pdf`, { headers: { cookie: panel } }));
  await pdf1.arrayBuffer();
  const [pdf2, pdfCachedMs] = await timed(() => fetch(`${pack}/pdf`, { headers: { cookie: panel } }));
  await pdf2.arrayBuffer();

  const js = {
    published: await scriptBytes(origin, `/packs/${month}`, panel),
    preview: await scriptBytes(origin, `/packs/${month}?preview=1`, director),
    period: await scriptBytes(origin, `/periods/${month}`, director),
    empty: await scriptBytes(origin, "/login", ""),
  };
  server.stop();
  server = null;

  log("running the import benchmark (10,000 rows)");
  const importOut = await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/import-bench.ts"], { ...env, BENCH_RUNS: process.env.BENCH_IMPORT_RUNS ?? "1" });
  const ratio = Number(/Import vs raw insert: ([\d.]+)x/.exec(importOut)?.[1]);
  const importLine = importOut.split("\n").find((l) => l.startsWith("Import vs raw insert")) ?? "";

  log("running the national import benchmark (DfE's 164,900-row file)");
  const nationalOut = await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/national-bench.ts"], env);
  const nationalLines = nationalOut.split("\n").filter((l) => l.startsWith("National import"));

  const ms = (n) => `${Math.round(n)} ms`;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const aims = [
    [`published pack >= 0.5x static throughput (${(r.published.rps / r.static.rps).toFixed(2)}x) with p99 <= 2x (${r.published.p99} vs ${r.static.p99} ms)`,
      r.published.rps >= 0.5 * r.static.rps && r.published.p99 <= 2 * Math.max(1, r.static.p99)],
    [`preview p95 <= 10x published p95 (${r.preview.p95} vs ${r.published.p95} ms)`, r.preview.p95 <= 10 * Math.max(1, r.published.p95)],
    [`import <= 3x raw insert (${ratio}x)`, ratio <= 3],
    [`pack page JS <= empty page + 30 KB (${kb(js.published.gzip)} vs ${kb(js.empty.gzip)})`, js.published.gzip <= js.empty.gzip + 30 * 1024],
  ];
  const lines = [
    `Benchmark, ${new Date().toISOString().slice(0, 10)}, ${(await import("node:os")).cpus().length} cores, \`npm run bench\` (${CONNECTIONS} connections, ${DURATION} s per page, loopback)`,
    `Council: ${loaded.indicators} indicators, ${loaded.months} months from ${loaded.firstMonth}, ${loaded.published} packs published (load ${(loadMs / 1000).toFixed(0)} s).`,
    "",
    "| What | Requests/s | p50 | p95 | p99 | Page bytes | JS (gzip) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| Static file, same bytes as the pack | ${r.static.rps.toFixed(0)} | ${r.static.p50} ms | ${r.static.p95} ms | ${r.static.p99} ms | ${kb(r.static.bytes)} | - |`,
    `| Published pack (panel member) | ${r.published.rps.toFixed(0)} | ${r.published.p50} ms | ${r.published.p95} ms | ${r.published.p99} ms | ${kb(r.published.bytes)} | ${kb(js.published.gzip)} (${js.published.files} files) |`,
    `| Live preview (?preview=1, director) | ${r.preview.rps.toFixed(1)} | ${r.preview.p50} ms | ${r.preview.p95} ms | ${r.preview.p99} ms | ${kb(r.preview.bytes)} | ${kb(js.preview.gzip)} (${js.preview.files} files) |`,
    `| Period page (director) | ${r.period.rps.toFixed(1)} | ${r.period.p50} ms | ${r.period.p95} ms | ${r.period.p99} ms | ${kb(r.period.bytes)} | ${kb(js.period.gzip)} (${js.period.files} files) |`,
    `| Empty page (/login) | | | | | | ${kb(js.empty.gzip)} (${js.empty.files} files) |`,
    "",
    `Published pack, first request after start (renders and stores the HTML): ${ms(firstPageMs)}.`,
    `PDF of the pack: first request ${ms(pdfFirstMs)} (status ${pdf1.status}), cached ${ms(pdfCachedMs)} (status ${pdf2.status}).`,
    `Import of 10,000 rows: ${importLine}`,
    ...nationalLines,
    "",
    "Aims:",
    ...aims.map(([text, ok]) => `- ${ok ? "MET" : "NOT MET"}: ${text}`),
  ];
  const report = lines.join("\n");
  console.log(report);
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench-results", "latest.md"), `${report}\n`);
} finally {
  server?.stop();
  fs.rmSync(staticFile, { force: true });
  await db.stop();
}
