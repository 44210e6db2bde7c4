// npm run bench: builds (into .next-bench) if needed, loads the benchmark council into a throwaway
// embedded database, starts `next start` on a free loopback port and measures, in one run, each page
// both without Accept-Encoding and with `gzip, br` as browsers send it: the published pack page vs a
// static file of the same bytes, a repeat visit (304), the live preview, the period page; then the PDF
// route, the value import vs raw insert, the national import, Annex A (annex-a-bench.ts: 2.5 times the
// demo over 18 months, and 2 and 4 times that) and the soak test (soak.ts) on the same build. Prints a
// table, each ratio and which aims are met, and writes it to bench-results/latest.md.
// Every request goes to 127.0.0.1 only and every load is bounded (BENCH_SECONDS per page, SOAK_SECONDS).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { startDatabase } from "../db-runtime.mjs";
import { deployMigrations } from "../migrate-deploy.mjs";
import os from "node:os";
import { DIST, ROOT, bin, buildIfNeeded, log, run, runAllowingFailure, signIn, startApp } from "./app-server.mjs";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** How a browser asks (Accept-Encoding: gzip, br) and how the old bench asked (nothing): every page is measured both ways. */
const ENCODINGS = [
  { name: "identity", label: "no Accept-Encoding", headers: {} },
  { name: "browser", label: "Accept-Encoding: gzip, br", headers: { "accept-encoding": "gzip, br" } },
];

const failures = [];

/** Waits until the server has finished what the last load left queued (autocannon stops sending, the server goes on). */
async function settle(origin) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const t = performance.now();
    await fetch(`${origin}/api/health`)
      .then((r) => r.arrayBuffer())
      .catch(() => null);
    if (performance.now() - t < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function load(url, cookie, extra = {}) {
  await settle(new URL(url).origin);
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { ...(cookie ? { cookie } : {}), ...extra.headers },
  });
  const bad = r.errors + r.timeouts + (extra.expect === 304 ? r.requests.total - (r.statusCodeStats?.["304"]?.count ?? 0) : r.non2xx);
  // A failed or empty load gives no figures (NaN meets no aim) and says why, and the run goes on.
  const failed = (why) => {
    log(`${url}: ${why}`);
    failures.push(`${url.replace(/^http:\/\/[^/]+/, "")} (${Object.keys(extra.headers ?? {}).join(", ") || "no extra headers"}): ${why}`);
    return { rps: NaN, p50: NaN, p95: NaN, p99: NaN, bytes: NaN };
  };
  if (bad) return failed(`${bad} failed requests of ${r.requests.total}`);
  if (!r.requests.total) return failed(`no request completed in ${DURATION} s (raise BENCH_SECONDS)`);
  // Bytes per request as received on the socket (headers and body, compressed if it was).
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p95: r.latency.p97_5 ?? r.latency.p90,
    p99: r.latency.p99,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
  };
}

async function scriptBytes(origin, pagePath, cookie) {
  const html = await (await fetch(`${origin}${pagePath}`, { headers: cookie ? { cookie } : {} })).text();
  const srcs = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]))];
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  let gz = inline ? zlib.gzipSync(inline).length : 0;
  for (const src of srcs) gz += zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer())).length;
  return { files: srcs.length, gzip: gz };
}

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

buildIfNeeded();
const loadBefore = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(", ");
const db = await startDatabase({ test: true });
let server;
const staticFile = path.join(ROOT, "public", "bench-static.html");
try {
  await deployMigrations(db.url);
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

  log("measuring with autocannon:", `${CONNECTIONS} connections, ${DURATION} s each, without and with Accept-Encoding: gzip, br`);
  const r = {};
  for (const enc of ENCODINGS) {
    const h = { headers: enc.headers };
    const m = (r[enc.name] = {});
    m.static = await load(`${origin}/bench-static.html`, panel, h); // through the same proxy and sign-in check as the pack
    m.published = await load(pack, panel, h);
    m.preview = await load(`${pack}?preview=1`, director, h);
    m.period = await load(`${origin}/periods/${month}`, director, h);
  }
  // A repeat visit: the browser revalidates with the ETag it holds and gets 304 Not Modified.
  const head = await fetch(pack, { headers: { cookie: panel, "accept-encoding": "gzip, br" } });
  await head.arrayBuffer();
  const etag = head.headers.get("etag");
  r.repeat = etag ? await load(pack, panel, { headers: { "accept-encoding": "gzip, br", "if-none-match": etag }, expect: 304 }) : null;
  const encodingSeen = head.headers.get("content-encoding") ?? "none";

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
  const importOut = await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/import-bench.ts"], {
    ...env,
    BENCH_RUNS: process.env.BENCH_IMPORT_RUNS ?? "1",
  });
  const ratio = Number(/Import vs raw insert: ([\d.]+)x/.exec(importOut)?.[1]);
  const importLine = importOut.split("\n").find((l) => l.startsWith("Import vs raw insert")) ?? "";

  log("running the national import benchmark (DfE's 164,900-row file)");
  const nationalOut = await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/national-bench.ts"], env);
  const nationalLines = nationalOut.split("\n").filter((l) => l.startsWith("National import"));

  log("running the Annex A benchmark (2.5 times the demo's council over 18 months, and 2 and 4 times that)");
  const annexA = await runAllowingFailure(bin("tsx"), ["--conditions=react-server", "scripts/bench/annex-a-bench.ts"], {
    ...env,
    BENCH_SKIP_BUILD: "1",
  });
  const annexAOut = annexA.out.trim().split("\n");
  const annexAResult = (() => {
    try {
      return JSON.parse(annexAOut.at(-1));
    } catch {
      return null;
    }
  })();
  const annexATable = annexAOut.slice(annexAOut.findIndex((l) => l.startsWith("| Scale")));
  const annexALines = annexAResult
    ? annexATable.slice(
        0,
        annexATable.findIndex((l) => !l.startsWith("|")),
      )
    : [];

  // The soak test on the same build: 200 readers for 60 s while leads save and the director approves.
  const soakSeconds = Number(process.env.SOAK_SECONDS ?? 60);
  const soakReaders = Number(process.env.SOAK_READERS ?? 200);
  log(`running the soak test (${soakReaders} readers, ${soakSeconds} s) on the same build`);
  const soak = await runAllowingFailure(bin("tsx"), ["--conditions=react-server", "scripts/bench/soak.ts"], {
    SOAK_DIST_DIR: DIST,
    SOAK_SECONDS: String(soakSeconds),
    SOAK_READERS: String(soakReaders),
  });
  const soakErrors = Number(/^\s*errors\s+(\d+)/m.exec(soak.out)?.[1] ?? NaN);
  const soakP99 = Number(/reader latency\s+p50 \d+ ms, p99 (\d+) ms/.exec(soak.out)?.[1] ?? NaN);
  const soakLines = soak.out.split("\n").filter((l) => /^(Soak:|\s+(reader|errors|saves|save conflicts|approvals))/.test(l));

  const ms = (n) => `${Math.round(n).toLocaleString("en-GB")} ms`;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const x = (a, b) => `${(a / Math.max(1e-9, b)).toFixed(2)}x`;
  const aims = [];
  for (const enc of ENCODINGS) {
    const m = r[enc.name];
    aims.push(
      [
        `${enc.label}: published pack >= 0.8x static throughput (${x(m.published.rps, m.static.rps)}: ${m.published.rps.toFixed(0)} vs ${m.static.rps.toFixed(0)} req/s)`,
        m.published.rps >= 0.8 * m.static.rps,
      ],
      [
        `${enc.label}: published pack p99 <= 1.5x static p99 (${x(m.published.p99, Math.max(1, m.static.p99))}: ${m.published.p99} vs ${m.static.p99} ms)`,
        m.published.p99 <= 1.5 * Math.max(1, m.static.p99),
      ],
      [
        `${enc.label}: live preview p95 <= 10x published p95 (${x(m.preview.p95, Math.max(1, m.published.p95))}: ${m.preview.p95} vs ${m.published.p95} ms)`,
        m.preview.p95 <= 10 * Math.max(1, m.published.p95),
      ],
      [`${enc.label}: period page p99 <= 500 ms (${m.period.p99} ms)`, m.period.p99 <= 500],
    );
  }
  aims.push(
    [`import of 10,000 rows <= 2x raw bulk insert (${ratio}x)`, ratio <= 2],
    ...(annexAResult
      ? annexAResult.aims.map((a) => [a.text, a.ok])
      : [[`Annex A benchmark gave no figures (exit code ${annexA.code})`, false]]),
    [
      `soak, ${soakReaders} readers for ${soakSeconds} s: 0 errors (${soakErrors}) and reader p99 <= 1 s (${ms(soakP99)})`,
      soakErrors === 0 && soakP99 <= 1000 && soak.code === 0,
    ],
    [
      `pack page JS <= empty page + 30 KB (${kb(js.published.gzip)} vs ${kb(js.empty.gzip)})`,
      js.published.gzip <= js.empty.gzip + 30 * 1024,
    ],
  );
  const row = (what, v, jsText) =>
    `| ${what} | ${v.rps >= 20 ? v.rps.toFixed(0) : v.rps.toFixed(1)} | ${v.p50} ms | ${v.p95} ms | ${v.p99} ms | ${kb(v.bytes)} | ${jsText} |`;
  const table = (enc) => {
    const m = r[enc.name];
    return [
      `${enc.label}:`,
      "",
      "| What | Requests/s | p50 | p97.5 | p99 | Bytes received per request | JS (gzip) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      row("Static file, same bytes as the pack", m.static, "-"),
      row("Published pack (panel member)", m.published, `${kb(js.published.gzip)} (${js.published.files} files)`),
      row("Live preview (?preview=1, director)", m.preview, `${kb(js.preview.gzip)} (${js.preview.files} files)`),
      row("Period page (director)", m.period, `${kb(js.period.gzip)} (${js.period.files} files)`),
      ...(enc.name === "browser" && r.repeat ? [row("Published pack, repeat visit (If-None-Match: 304)", r.repeat, "-")] : []),
      "",
      `Ratios: published/static throughput ${x(m.published.rps, m.static.rps)}, p99 ${x(m.published.p99, Math.max(1, m.static.p99))}; preview/published p95 ${x(m.preview.p95, Math.max(1, m.published.p95))}.`,
      "",
    ];
  };
  const lines = [
    `Benchmark, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, load average before ${loadBefore}, \`npm run bench\` (${CONNECTIONS} connections, ${DURATION} s per page, loopback)`,
    `Council: ${loaded.indicators} indicators, ${loaded.months} months from ${loaded.firstMonth}, ${loaded.published} packs published (load ${(loadMs / 1000).toFixed(0)} s).`,
    "",
    ...ENCODINGS.flatMap(table),
    `Empty page (/login) JS: ${kb(js.empty.gzip)} (${js.empty.files} files). The published pack with Accept-Encoding: gzip, br came with Content-Encoding: ${encodingSeen}.`,
    `Published pack, first request after start (renders and stores the HTML): ${ms(firstPageMs)}.`,
    `PDF of the pack: first request ${ms(pdfFirstMs)} (status ${pdf1.status}), cached ${ms(pdfCachedMs)} (status ${pdf2.status}).`,
    `Import of 10,000 rows: ${importLine}`,
    ...nationalLines,
    ...(annexALines.length
      ? [
          "",
          "Annex A (`npm run bench:annex-a`; seconds and MB above the server's idle memory as min / median / max):",
          "",
          ...annexALines,
          "",
        ]
      : []),
    ...soakLines,
    ...(failures.length ? ["", "Loads that gave no figures:", ...failures.map((f) => `- ${f}`)] : []),
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
