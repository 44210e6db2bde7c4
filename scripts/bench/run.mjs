// npm run bench: builds (into .next-bench) if needed, loads the benchmark council into a throwaway
// embedded database, starts `next start` on a free loopback port and measures, in one run, each page
// both without Accept-Encoding and with `gzip, br` as browsers send it: the published pack page vs a
// static file of the same bytes, a repeat visit (304), the live preview, the period page; then the PDF
// route, the value import vs raw insert, the national import, Annex A (annex-a-bench.ts: 2.5 times the
// demo over 18 months, and 2 and 4 times that) and the soak test (soak.ts) on the same build. Prints a
// table, each ratio and which aims are met, and writes it to bench-results/latest.md.
// Then an open-loop load (openLoop below): 50 requests a second on the published pack with 5 a second
// on the period page for BENCH_OPEN_SECONDS, and the highest steady rate the pack keeps under 1 s p99,
// in steps of BENCH_STEP_SECONDS.
// BENCH_ONLY=pages measures the pages only (the closed and open loads, the PDF, the JS sent): no import,
// national, Annex A or soak benchmark, so the page figures take a few minutes.
// Every request goes to 127.0.0.1 only and every load is bounded (BENCH_SECONDS per page, SOAK_SECONDS,
// BENCH_OPEN_SECONDS, BENCH_STEP_SECONDS per step, at most 11 steps).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { startDatabase } from "../db-runtime.mjs";
import { deployMigrations } from "../migrate-deploy.mjs";
import os from "node:os";
import { BENCH_SECRET, DIST, ROOT, bin, buildIfNeeded, log, run, runAllowingFailure, signIn, startApp } from "./app-server.mjs";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 60);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 15);
/** Sockets the open loop may hold at once per target: enough that the arrival rate is never throttled by them. */
const OPEN_CONNECTIONS = Number(process.env.BENCH_OPEN_CONNECTIONS ?? 200);
const ONLY = process.env.BENCH_ONLY ?? "";
if (ONLY && ONLY !== "pages") throw new Error(`BENCH_ONLY=${ONLY}: the one choice is BENCH_ONLY=pages (or leave it unset for everything)`);
const pagesOnly = ONLY === "pages";

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

/** The value at percentile p of sorted numbers (nearest rank). */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** A closed loop: CONNECTIONS clients that each ask again the moment they are answered, for DURATION s. */
/**
 * Seconds of the same load, not measured, before each measured one (BENCH_WARMUP_SECONDS). Five: the
 * period page is the first page Next renders in this process (the pack and the preview are answered
 * before Next), and for its first 3 s React's renderer is not yet optimised by V8: 36-55 req/s with
 * p99 500-850 ms, then 75-88 req/s with p99 170-320 ms in the next 10 s (docs/performance.md). With 2 s
 * the measured 10 s began inside that.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);

async function load(url, cookie, extra = {}) {
  await settle(new URL(url).origin);
  // A page's first requests after a start compile its code paths (the first request after start is
  // reported on its own below); each page is warmed with the same load first, for every page alike.
  if (WARMUP_SECONDS > 0) {
    await autocannon({
      url,
      connections: CONNECTIONS,
      duration: WARMUP_SECONDS,
      headers: { ...(cookie ? { cookie } : {}), ...extra.headers },
    });
    await settle(new URL(url).origin);
  }
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { ...(cookie ? { cookie } : {}), ...extra.headers },
  });
  // Every response's time, for true percentiles: autocannon's summary has p97.5 and p99 but no p95.
  const times = [];
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const r = await instance;
  times.sort((a, b) => a - b);
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
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    bytes: r.throughput.average / Math.max(1, r.requests.average),
  };
}

/**
 * An open loop: request i leaves at start + i / rate whatever became of the ones before it, and its
 * latency counts from that planned moment, so a server (or client) that falls behind shows as latency
 * rather than as fewer requests. Up to OPEN_CONNECTIONS keep-alive sockets; a request that finds them
 * all busy waits in the agent's queue, and that wait is counted too.
 *
 * Not autocannon's overallRate: read in node_modules/autocannon (8.0.0) and tried against a bare
 * server, it is not an open loop. lib/run.js cuts `connections` down to overallRate (200 asked, 50
 * used at 50 a second); each connection may send rate / connections requests per second, reset by a
 * setInterval that every connection starts at the same moment (lib/httpClient.js), so 50 a second
 * arrive as one burst of 50 at the top of each second, not one every 20 ms; a connection sends only
 * when its last request is answered, so once answers take over a second it is a closed loop again (at
 * a 1.5 s answer, 26 a second were sent, not 50); and with a rate it "corrects" for coordinated
 * omission with an expected interval of ceil(1 / rate) = 1 ms, which adds phantom samples of every
 * value from 1 ms up to each answer's time to the histogram (p50 770 ms for answers all of 1.5 s).
 */
async function openLoop(url, { rate, seconds, headers, stopWhenBehind = false }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: OPEN_CONNECTIONS });
  const planned = Math.max(1, Math.round(rate * seconds));
  const gap = 1000 / rate;
  const times = [];
  const s = {
    rate,
    seconds,
    planned,
    sent: 0,
    ok: 0,
    okInWindow: 0,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    lag: 0,
    behind: false,
    failures: {},
  };
  let outstanding = 0;
  const start = performance.now();
  const windowEnd = start + seconds * 1000;
  await new Promise((resolve) => {
    const finished = () => {
      if (outstanding === 0 && (s.sent === planned || s.behind)) resolve();
    };
    const send = (due) => {
      outstanding++;
      let settled = false;
      /** kind: ok, errors, timeouts or non2xx; what: the error code or status, counted in s.failures. */
      const done = (kind, what) => {
        if (settled) return;
        settled = true;
        outstanding--;
        const now = performance.now();
        if (kind === "ok") {
          times.push(now - due);
          s.ok++;
          if (now <= windowEnd) s.okInWindow++;
        } else {
          s[kind]++;
          s.failures[what] = (s.failures[what] ?? 0) + 1;
        }
        finished();
      };
      const req = http.request(
        { hostname: target.hostname, port: target.port, path: target.pathname + target.search, headers, agent, timeout: 10_000 },
        (res) => {
          res.on("end", () => done(res.statusCode >= 200 && res.statusCode < 300 ? "ok" : "non2xx", `HTTP ${res.statusCode}`));
          res.on("close", () => done("errors", "answer cut off")); // closed before its end
          res.resume();
        },
      );
      req.on("timeout", () => {
        done("timeouts", "no answer in 10 s");
        req.destroy();
      });
      req.on("error", (e) => done("errors", e.code ?? e.message));
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      while (s.sent < planned && start + s.sent * gap <= now) {
        s.lag = Math.max(s.lag, now - (start + s.sent * gap)); // how late the client itself sent
        send(start + s.sent * gap);
        s.sent++;
      }
      // Over 3 s of arrivals unanswered: this rate is past the machine's capacity; stop the step early.
      if (stopWhenBehind && outstanding > 3 * rate + 10) s.behind = true;
      if (s.sent < planned && !s.behind) setTimeout(tick, Math.max(0, start + s.sent * gap - performance.now()));
      else finished();
    };
    tick();
  });
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    ...s,
    achieved: s.okInWindow / seconds,
    bad: s.errors + s.timeouts + s.non2xx,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
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
  const [loadOut, loadMs] = await timed(() =>
    run(bin("tsx"), ["--conditions=react-server", "scripts/bench/load-council.ts"], { ...env, NEXTAUTH_SECRET: BENCH_SECRET }),
  );
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

  // The server starts after every month was signed off and published (in load-council.ts), so this is
  // a cold process's first request for a version: whatever it still does then (a render not done at
  // sign-off, first database connections, loading the route's code) is in it.
  const [, firstPageMs] = await timed(() => fetch(pack, { headers: { cookie: panel } }).then((r) => r.text()));
  const [, secondPageMs] = await timed(() => fetch(pack, { headers: { cookie: panel } }).then((r) => r.text()));
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
    // A first request to the preview, so its first render is not in the load.
    await fetch(`${pack}?preview=1`, { headers: { cookie: director, ...enc.headers } }).then((res) => res.arrayBuffer());
    m.preview = await load(`${pack}?preview=1`, director, h);
    m.period = await load(`${origin}/periods/${month}`, director, h);
  }
  // A repeat visit: the browser revalidates with the ETag it holds and gets 304 Not Modified.
  const head = await fetch(pack, { headers: { cookie: panel, "accept-encoding": "gzip, br" } });
  await head.arrayBuffer();
  const etag = head.headers.get("etag");
  r.repeat = etag ? await load(pack, panel, { headers: { "accept-encoding": "gzip, br", "if-none-match": etag }, expect: 304 }) : null;
  const encodingSeen = head.headers.get("content-encoding") ?? "none";

  // The open loop: readers arriving at a steady rate, as they do, with the director at work meanwhile.
  const browser = { "accept-encoding": "gzip, br" };
  const loadOpenBefore = os.loadavg()[0];
  await settle(origin);
  log(`open loop: 50 req/s on the published pack and 5 req/s on the period page for ${OPEN_SECONDS} s`);
  const [openPack, openPeriod] = await Promise.all([
    openLoop(pack, { rate: 50, seconds: OPEN_SECONDS, headers: { cookie: panel, ...browser } }),
    openLoop(`${origin}/periods/${month}`, { rate: 5, seconds: OPEN_SECONDS, headers: { cookie: director, ...browser } }),
  ]);
  // The highest steady rate that keeps the pack's p99 under 1 s: double from 50 until a step fails,
  // then halve the gap between the last good and the first bad rate three times.
  const steps = [];
  const tryRate = async (rate) => {
    await settle(origin);
    log(`open loop: ${rate} req/s on the published pack alone for ${STEP_SECONDS} s`);
    const m = await openLoop(pack, { rate, seconds: STEP_SECONDS, headers: { cookie: panel, ...browser }, stopWhenBehind: true });
    m.why = m.behind
      ? "fell behind (over 3 s of arrivals unanswered), stopped early"
      : m.bad
        ? `${m.bad} failed`
        : !(m.p99 < 1000)
          ? "p99 >= 1 s"
          : m.achieved < 0.9 * rate
            ? "under 90% of the asked rate answered"
            : "";
    steps.push(m);
    return !m.why;
  };
  let good = 0;
  let bad = 0;
  for (let rate = 50; rate <= 6400; rate *= 2) {
    if (await tryRate(rate)) good = rate;
    else {
      bad = rate;
      break;
    }
  }
  for (let i = 0; bad && i < 3 && bad - good > Math.max(2, good / 10); i++) {
    const mid = Math.round((good + bad) / 2);
    if (await tryRate(mid)) good = mid;
    else bad = mid;
  }
  const loadOpenAfter = os.loadavg()[0];

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

  const soakSeconds = Number(process.env.SOAK_SECONDS ?? 60);
  const soakReaders = Number(process.env.SOAK_READERS ?? 200);
  let ratio, importLine, annexA, annexAResult, soak, soakErrors, soakP99;
  let nationalLines = [];
  let annexALines = [];
  let soakLines = [];
  if (pagesOnly) log("BENCH_ONLY=pages: no import, national, Annex A or soak benchmark");
  else {
    log("running the import benchmark (10,000 rows)");
    const importOut = await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/import-bench.ts"], {
      ...env,
      BENCH_RUNS: process.env.BENCH_IMPORT_RUNS ?? "1",
    });
    ratio = Number(/Import vs raw insert: ([\d.]+)x/.exec(importOut)?.[1]);
    importLine = importOut.split("\n").find((l) => l.startsWith("Import vs raw insert")) ?? "";

    log("running the national import benchmark (DfE's 164,900-row file)");
    const nationalOut = await run(bin("tsx"), ["--conditions=react-server", "scripts/bench/national-bench.ts"], env);
    nationalLines = nationalOut.split("\n").filter((l) => l.startsWith("National import"));

    log("running the Annex A benchmark (2.5 times the demo's council over 18 months, and 2 and 4 times that)");
    annexA = await runAllowingFailure(bin("tsx"), ["--conditions=react-server", "scripts/bench/annex-a-bench.ts"], {
      ...env,
      BENCH_SKIP_BUILD: "1",
    });
    const annexAOut = annexA.out.trim().split("\n");
    annexAResult = (() => {
      try {
        return JSON.parse(annexAOut.at(-1));
      } catch {
        return null;
      }
    })();
    const annexATable = annexAOut.slice(annexAOut.findIndex((l) => l.startsWith("| Scale")));
    annexALines = annexAResult
      ? annexATable.slice(
          0,
          annexATable.findIndex((l) => !l.startsWith("|")),
        )
      : [];

    // The soak test on the same build: 200 readers for 60 s while leads save and the director approves.
    log(`running the soak test (${soakReaders} readers, ${soakSeconds} s) on the same build`);
    soak = await runAllowingFailure(bin("tsx"), ["--conditions=react-server", "scripts/bench/soak.ts"], {
      SOAK_DIST_DIR: DIST,
      SOAK_SECONDS: String(soakSeconds),
      SOAK_READERS: String(soakReaders),
    });
    soakErrors = Number(/^\s*errors\s+(\d+)/m.exec(soak.out)?.[1] ?? NaN);
    soakP99 = Number(/reader latency\s+p50 \d+ ms, p99 (\d+) ms/.exec(soak.out)?.[1] ?? NaN);
    soakLines = soak.out.split("\n").filter((l) => /^(Soak:|\s+(reader|errors|saves|save conflicts|approvals))/.test(l));
  }

  const ms = (n) => `${Math.round(n).toLocaleString("en-GB")} ms`;
  /** A latency as printed in the tables: tenths below 10 ms, where whole milliseconds would hide the ratio. */
  const t = (n) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-GB"));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const x = (a, b) => `${(a / Math.max(1e-9, b)).toFixed(2)}x`;
  const aims = [];
  for (const enc of ENCODINGS) {
    const m = r[enc.name];
    aims.push(
      [
        `${enc.label}: published pack >= 0.9x static throughput (${x(m.published.rps, m.static.rps)}: ${m.published.rps.toFixed(0)} vs ${m.static.rps.toFixed(0)} req/s)`,
        m.published.rps >= 0.9 * m.static.rps,
      ],
      [
        `${enc.label}: published pack p99 <= 1.2x static p99 (${x(m.published.p99, Math.max(1, m.static.p99))}: ${t(m.published.p99)} vs ${t(m.static.p99)} ms)`,
        m.published.p99 <= 1.2 * Math.max(1, m.static.p99),
      ],
      [
        `${enc.label}: live preview p95 <= 5x published p95, after a first request (${x(m.preview.p95, Math.max(1, m.published.p95))}: ${t(m.preview.p95)} vs ${t(m.published.p95)} ms)`,
        m.preview.p95 <= 5 * Math.max(1, m.published.p95),
      ],
      [`${enc.label}: period page p99 <= 300 ms under ${CONNECTIONS} connections (${t(m.period.p99)} ms)`, m.period.p99 <= 300],
    );
  }
  const openLabel = `open loop, 50 req/s on the pack with 5 req/s on the period page for ${OPEN_SECONDS} s`;
  aims.push(
    [
      `${openLabel}: 0 errors, timeouts or non-2xx (pack ${openPack.bad}, period page ${openPeriod.bad})`,
      openPack.bad === 0 && openPeriod.bad === 0 && openPack.ok === openPack.planned && openPeriod.ok === openPeriod.planned,
    ],
    [`${openLabel}: pack p99 <= 300 ms (${ms(openPack.p99)})`, openPack.p99 <= 300],
    [`${openLabel}: period page p99 <= 1 s (${ms(openPeriod.p99)})`, openPeriod.p99 <= 1000],
  );
  if (!pagesOnly)
    aims.push(
      [`import of 10,000 rows <= 2x raw bulk insert (${ratio}x)`, ratio <= 2],
      ...(annexAResult
        ? annexAResult.aims.map((a) => [a.text, a.ok])
        : [[`Annex A benchmark gave no figures (exit code ${annexA.code})`, false]]),
      [
        `soak, ${soakReaders} readers for ${soakSeconds} s: 0 errors (${soakErrors}) and reader p99 <= 1 s (${ms(soakP99)})`,
        soakErrors === 0 && soakP99 <= 1000 && soak.code === 0,
      ],
    );
  aims.push([
    `pack page JS <= empty page + 30 KB (${kb(js.published.gzip)} vs ${kb(js.empty.gzip)})`,
    js.published.gzip <= js.empty.gzip + 30 * 1024,
  ]);
  const row = (what, v, jsText) =>
    `| ${what} | ${v.rps >= 20 ? v.rps.toFixed(0) : v.rps.toFixed(1)} | ${t(v.p50)} ms | ${t(v.p95)} ms | ${t(v.p99)} ms | ${kb(v.bytes)} | ${jsText} |`;
  const table = (enc) => {
    const m = r[enc.name];
    return [
      `${enc.label}:`,
      "",
      "| What | Requests/s | p50 | p95 | p99 | Bytes received per request | JS (gzip) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      row("Static file, same bytes as the pack", m.static, "-"),
      row("Published pack (panel member)", m.published, `${kb(js.published.gzip)} (${js.published.files} files)`),
      row("Live preview (?preview=1, director, after a first request)", m.preview, `${kb(js.preview.gzip)} (${js.preview.files} files)`),
      row("Period page (director)", m.period, `${kb(js.period.gzip)} (${js.period.files} files)`),
      ...(enc.name === "browser" && r.repeat ? [row("Published pack, repeat visit (If-None-Match: 304)", r.repeat, "-")] : []),
      "",
      `Ratios: published/static throughput ${x(m.published.rps, m.static.rps)}, p99 ${x(m.published.p99, Math.max(1, m.static.p99))}; preview/published p95 ${x(m.preview.p95, Math.max(1, m.published.p95))}.`,
      "",
    ];
  };
  const rps = (n) => (n >= 20 ? n.toFixed(0) : n.toFixed(1));
  const failuresOf = (o) =>
    Object.entries(o.failures)
      .map(([what, n]) => `${what}: ${n}`)
      .join(", ");
  const openRow = (what, o) =>
    `| ${what} | ${o.rate} | ${rps(o.achieved)} | ${o.sent} of ${o.planned} | ${o.ok} | ${o.errors} / ${o.timeouts} / ${o.non2xx} | ${ms(o.p50)} | ${ms(o.p95)} | ${ms(o.p99)} | ${ms(o.max)} | ${ms(o.lag)} |`;
  const openLines = [
    `Open loop (requests leave at a steady rate whatever the answers; each latency counts from the request's planned start; up to ${OPEN_CONNECTIONS} sockets per page; Accept-Encoding: gzip, br), both at once for ${OPEN_SECONDS} s, load average ${loadOpenBefore.toFixed(2)} before, ${loadOpenAfter.toFixed(2)} after the steps below:`,
    "",
    "| What | Asked req/s | Answered req/s | Sent | Answered 2xx | Errors / timeouts / non-2xx | p50 | p95 | p99 | max | Client sent late by (max) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    openRow("Published pack (panel member)", openPack),
    openRow("Period page (director)", openPeriod),
    ...(openPack.bad || openPeriod.bad
      ? ["", `Failures: pack ${failuresOf(openPack) || "none"}; period page ${failuresOf(openPeriod) || "none"}.`]
      : []),
    "",
    `Highest steady rate on the published pack alone (open loop, ${STEP_SECONDS} s a step; a step fails on any error, timeout or non-2xx, a p99 of 1 s or more, or under 90% of the asked rate answered):`,
    "",
    "| Asked req/s | Answered req/s | Sent | Errors / timeouts / non-2xx | p50 | p95 | p99 | max | Client sent late by (max) | Result |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...steps.map(
      (o) =>
        `| ${o.rate} | ${rps(o.achieved)} | ${o.sent} of ${o.planned} | ${o.errors} / ${o.timeouts} / ${o.non2xx} | ${ms(o.p50)} | ${ms(o.p95)} | ${ms(o.p99)} | ${ms(o.max)} | ${ms(o.lag)} | ${o.why || "good"}${o.bad ? ` (${failuresOf(o)})` : ""} |`,
    ),
    "",
    bad
      ? `Highest steady rate with the pack's p99 under 1 s: ${good ? `${good} req/s` : "none of the rates tried"} (first failing rate ${bad} req/s).`
      : `Highest steady rate with the pack's p99 under 1 s: at least ${good} req/s (the highest rate tried).`,
    "",
  ];
  const lines = [
    `Benchmark, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, load average before ${loadBefore}, \`${pagesOnly ? "BENCH_ONLY=pages " : ""}npm run bench\` (${CONNECTIONS} connections, ${DURATION} s per page after ${WARMUP_SECONDS} s of the same load unmeasured, loopback)`,
    ...(pagesOnly ? ["BENCH_ONLY=pages: the import, national, Annex A and soak benchmarks were not run."] : []),
    `Council: ${loaded.indicators} indicators, ${loaded.months} months from ${loaded.firstMonth}, ${loaded.published} packs published (load ${(loadMs / 1000).toFixed(0)} s).`,
    "",
    ...ENCODINGS.flatMap(table),
    `Empty page (/login) JS: ${kb(js.empty.gzip)} (${js.empty.files} files). The published pack with Accept-Encoding: gzip, br came with Content-Encoding: ${encodingSeen}.`,
    `Published pack, first request after the server started: ${ms(firstPageMs)}; the second: ${ms(secondPageMs)}. (A cold process; every month was signed off and published before the start, so the first includes any render not done at sign-off, as well as the process's first database connections and code loading.)`,
    "",
    ...openLines,
    `PDF of the pack: first request ${ms(pdfFirstMs)} (status ${pdf1.status}), cached ${ms(pdfCachedMs)} (status ${pdf2.status}).`,
    ...(pagesOnly ? [] : [`Import of 10,000 rows: ${importLine}`]),
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
