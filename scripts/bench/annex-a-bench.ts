// npm run bench:annex-a: what computing Annex A costs (issue 21). Synthetic workbooks for March 2020
// over 18 months at the demo's size (scale 1, for reference), 2.5 times it (the headline: about 80,000
// contacts and 20,000 referrals) and 2 and 4 times the headline (scale 5 and 10), each uploaded RUNS
// times to POST /api/periods/2020-03/annex-a on `next start` from the bench build (a fresh server per
// scale), timing the request and reading the server's resident memory from /proc every 20 ms (and its
// peak, VmHWM, reset before each request); then computeAnnexA alone in this process, without HTTP and
// the database. Prints the rows and sizes, a table, the 2.5x figures, and whether the aims are met
// (2.5x in under 10 s and under 300 MB above the server's idle memory); the last line is JSON.
// Run: node scripts/with-db.mjs --migrate --test-db tsx --conditions=react-server scripts/bench/annex-a-bench.ts
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { computeAnnexA } from "@/lib/annex-a/compute-annex-a";
import { MAX_ANNEX_A_BYTES } from "@/lib/annex-a/limits";
import { writeAnnexAWorkbook, type AnnexASheet } from "../annex-a/make-annex-a-workbook";

const { ROOT, DIST, buildIfNeeded, freePort, signIn } = await import("./app-server.mjs");

const MONTH = "2020-03";
const MONTHS_COVERED = 18;
const HEADLINE = 2.5;
/** The demo's size for reference, then the headline and 2 and 4 times it. */
const SCALES = [1, HEADLINE, 2 * HEADLINE, 4 * HEADLINE];
const RUNS = Number(process.env.ANNEX_A_RUNS ?? 3);
const AIM_SECONDS = 10;
const AIM_MB = 300;
/** Created if missing (the demo already has 50,000 for each year from 2017): the rates need an estimate. */
const POPULATION = { year: 2019, count: 50_000 };
const ADMIN = "admin@northbridge.example";

const log = (...a: unknown[]) => console.error("[annex-a]", ...a);
const status = (pid: number | "self") => fs.readFileSync(`/proc/${pid}/status`, "utf8");
const kbOf = (text: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN);
const rssMb = (pid: number | "self") => kbOf(status(pid), "VmRSS") / 1024;
const hwmMb = (pid: number | "self") => kbOf(status(pid), "VmHWM") / 1024;
/** Resets the process's peak resident size (VmHWM) to its size now; false where the kernel refuses. */
function resetPeak(pid: number | "self"): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const n = (x: number) => x.toLocaleString("en-GB");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const scaleName = (s: number) => `${s}`.replace(/\.0$/, "");
const iso = (d: Date) => d.toISOString().slice(0, 10);

type Workbook = {
  scale: number;
  buffer: Buffer;
  sheets: AnnexASheet[];
  asAt: string;
  coversFrom: string;
  seconds: number;
  viaServer: boolean;
};
type Run = { seconds: number; peakAboveIdleMb: number; rssBeforeMb: number };
type Figure = {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  words: string | null;
  reason: string | null;
};

async function seed(): Promise<{ year: number; count: number }> {
  if ((await db.user.count()) === 0) {
    log("loading the demo council (accounts, catalogue, months to 2019-08; no packs)");
    await seedDemo({ packs: false });
  }
  const admin = await db.user.findUnique({ where: { email: ADMIN } });
  if (!admin || admin.role !== "ADMIN")
    throw new Error(`the database has no administrator ${ADMIN}: run on an empty database or the benchmark council`);
  const period = await db.period.findUnique({ where: { month: MONTH } });
  if (!period)
    await db.period.create({ data: { month: MONTH, panelMeetingDate: new Date("2020-04-23"), status: "OPEN", openedById: admin.id } });
  else if (period.status !== "OPEN") throw new Error(`${MONTH} is ${period.status}: the upload needs it open`);
  await db.childPopulation.upsert({
    where: { year: POPULATION.year },
    create: { ...POPULATION, source: "Annex A benchmark", updatedById: admin.id, updatedByName: admin.name },
    update: {},
  });
  const population = await db.childPopulation.findFirstOrThrow({
    where: { year: { lte: Number(MONTH.slice(0, 4)) } },
    orderBy: { year: "desc" },
  });
  log(`seeded: ${MONTH} open, child population ${population.year} ${n(population.count)}`);
  return { year: population.year, count: population.count };
}

async function makeWorkbooks(): Promise<Workbook[]> {
  const out: Workbook[] = [];
  for (const scale of SCALES) {
    const t = performance.now();
    const w = await writeAnnexAWorkbook({ month: MONTH, monthsCovered: MONTHS_COVERED, scale });
    const seconds = (performance.now() - t) / 1000;
    out.push({
      scale,
      buffer: w.buffer,
      sheets: w.sheets,
      asAt: iso(w.asAt),
      coversFrom: iso(w.coversFrom),
      seconds,
      viaServer: w.buffer.length <= MAX_ANNEX_A_BYTES,
    });
    log(
      `scale ${scaleName(scale)}: ${n(w.sheets.reduce((s, l) => s + l.rows, 0))} rows, ${mb(w.buffer.length)}, written in ${seconds.toFixed(1)} s`,
    );
  }
  return out;
}

async function multipart(w: Workbook): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.append("asAt", w.asAt);
  form.append("coversFrom", w.coversFrom);
  form.append(
    "file",
    new Blob([new Uint8Array(w.buffer)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    `annex-a-${MONTH}-x${scaleName(w.scale)}.xlsx`,
  );
  const request = new Request("http://127.0.0.1/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

/** One POST on a connection of its own (no pooled connection the server may have closed), the whole body sent with its length. */
function post(
  origin: string,
  pathname: string,
  cookie: string,
  upload: { body: Buffer; contentType: string },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}${pathname}`,
      {
        method: "POST",
        agent: false,
        headers: { cookie, accept: "application/json", "content-type": upload.contentType, "content-length": upload.body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(upload.body);
  });
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });

let server: ChildProcess | null = null;
async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) {
    child.kill("SIGKILL");
    await exited;
  }
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(sig, () => {
    void stopServer().finally(() => process.exit(1));
  });

async function startServer(dist: string): Promise<{ origin: string; pid: number }> {
  const wanted = Number(process.env.BENCH_PORT ?? 3417);
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // node itself, not a shell or npx: the pid is the server's, whose memory is read.
  server = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: process.env.DATABASE_URL,
        NODE_ENV: "production",
        NEXT_DIST_DIR: dist,
        NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
        NEXTAUTH_URL: origin,
        PORT: String(port),
      },
    },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null) throw new Error(`next start exited ${server.exitCode}`);
    if (i > 240) throw new Error("next start did not come up");
    await sleep(500);
  }
  return { origin, pid: server.pid! };
}

function parseAnswer(res: { status: number; text: string }): { ok: true; figures: Figure[]; url: string } {
  let answer: { ok?: boolean; message?: string; figures?: Figure[]; url?: string } = {};
  try {
    const parsed = JSON.parse(res.text) as typeof answer;
    answer = parsed;
  } catch {
    /* not JSON */
  }
  if (res.status !== 201 || !answer.ok) throw new Error(`upload refused (${res.status}): ${answer.message ?? res.text.slice(0, 300)}`);
  return { ok: true, figures: answer.figures!, url: answer.url! };
}

/** A fresh server for the scale: warmed up with a small workbook, idle read, then RUNS uploads with the memory watched. */
async function measureServer(
  dist: string,
  w: Workbook,
  warmUp: Workbook,
): Promise<{ idleMb: number; runs: Run[]; figures: Figure[]; hwm: boolean }> {
  const { origin, pid } = await startServer(dist);
  try {
    const cookie = await signIn(origin, ADMIN);
    const route = `/api/periods/${MONTH}/annex-a`;
    const body = await multipart(w);
    // Every module the route uses loaded, and the preview page's, so first-load costs are not counted.
    const warm = parseAnswer(await post(origin, route, cookie, await multipart(warmUp)));
    await (await fetch(`${origin}${warm.url}`, { headers: { cookie } })).text();
    await sleep(3000);
    const idleMb = rssMb(pid);
    const runs: Run[] = [];
    let figures: Figure[] = [];
    let hwm = false;
    for (let i = 0; i < RUNS; i++) {
      await sleep(1500);
      const rssBeforeMb = rssMb(pid);
      hwm = resetPeak(pid);
      let peak = rssBeforeMb;
      const timer = setInterval(() => {
        try {
          peak = Math.max(peak, rssMb(pid));
        } catch {
          /* exited */
        }
      }, 20);
      const t = performance.now();
      const res = await post(origin, route, cookie, body);
      const seconds = (performance.now() - t) / 1000;
      clearInterval(timer);
      peak = Math.max(peak, rssMb(pid), hwm ? hwmMb(pid) : 0);
      figures = parseAnswer(res).figures;
      runs.push({ seconds, peakAboveIdleMb: peak - idleMb, rssBeforeMb });
      log(
        `  x${scaleName(w.scale)} run ${i + 1}: ${seconds.toFixed(2)} s, peak ${Math.round(peak)} MB (${Math.round(peak - idleMb)} MB above idle ${Math.round(idleMb)} MB; ${Math.round(rssBeforeMb)} MB before)`,
      );
    }
    return { idleMb, runs, figures, hwm };
  } finally {
    await stopServer();
  }
}

async function measureInProcess(
  w: Workbook,
  population: { year: number; count: number },
): Promise<{ seconds: number[]; peakAboveMb: number[]; figures: Figure[] }> {
  const seconds: number[] = [];
  const peakAboveMb: number[] = [];
  let figures: Figure[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(200);
    const before = rssMb("self");
    const hwm = resetPeak("self");
    const t = performance.now();
    const result = await computeAnnexA({
      bytes: new Uint8Array(w.buffer),
      month: MONTH,
      asAt: w.asAt,
      coversFrom: w.coversFrom,
      population,
    });
    seconds.push((performance.now() - t) / 1000);
    peakAboveMb.push((hwm ? hwmMb("self") : rssMb("self")) - before);
    if (!result.ok) throw new Error(`computeAnnexA refused the x${scaleName(w.scale)} workbook: ${result.error}`);
    figures = result.figures;
    log(`  in process x${scaleName(w.scale)} run ${i + 1}: ${seconds.at(-1)!.toFixed(2)} s`);
  }
  return { seconds, peakAboveMb, figures };
}

async function main() {
  const dist = process.env.NEXT_DIST_DIR ?? DIST;
  if (dist === DIST) buildIfNeeded();
  else if (!fs.existsSync(path.join(ROOT, dist, "BUILD_ID")))
    throw new Error(`no build in ${dist}: run NEXT_DIST_DIR=${dist} next build first`);
  const loadBefore = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
  // The estimate the route finds for the month, so that the figures in process are the same.
  const population = await seed();

  log("writing the workbooks");
  const warmUp = await (async () => {
    const w = await writeAnnexAWorkbook({ month: MONTH, monthsCovered: MONTHS_COVERED, scale: 0.1, seed: 2 });
    return {
      scale: 0.1,
      buffer: w.buffer,
      sheets: w.sheets,
      asAt: iso(w.asAt),
      coversFrom: iso(w.coversFrom),
      seconds: 0,
      viaServer: true,
    };
  })();
  const workbooks = await makeWorkbooks();

  const server = new Map<number, Awaited<ReturnType<typeof measureServer>>>();
  for (const w of workbooks.filter((x) => x.viaServer)) {
    log(`through the server: x${scaleName(w.scale)}, ${RUNS} uploads on a fresh next start`);
    server.set(w.scale, await measureServer(dist, w, warmUp));
  }
  const inProcess = new Map<number, Awaited<ReturnType<typeof measureInProcess>>>();
  for (const w of workbooks) {
    log(`in process: x${scaleName(w.scale)}`);
    inProcess.set(w.scale, await measureInProcess(w, population));
  }
  const loadAfter = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
  await db.$disconnect();

  // What went in.
  const lists = workbooks[0].sheets.map((s) => s.list);
  const rowsOf = (w: Workbook, list: number) => w.sheets.find((s) => s.list === list)?.rows ?? 0;
  const total = (w: Workbook) => w.sheets.reduce((s, l) => s + l.rows, 0);
  const out: string[] = [];
  out.push(
    `Annex A benchmark, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, load average ${loadBefore} before and ${loadAfter} after, \`npm run bench:annex-a\` (${RUNS} runs each)`,
  );
  out.push(
    `Workbooks for ${MONTH}, ${MONTHS_COVERED} months (lists as at ${workbooks[0].asAt}, covering from ${workbooks[0].coversFrom}), no quirks; upload limit ${mb(MAX_ANNEX_A_BYTES)}:`,
  );
  out.push("");
  out.push(`| List | ${workbooks.map((w) => `x${scaleName(w.scale)}`).join(" | ")} |`);
  out.push(`| --- | ${workbooks.map(() => "---:").join(" | ")} |`);
  for (const list of lists) out.push(`| List ${list} | ${workbooks.map((w) => n(rowsOf(w, list))).join(" | ")} |`);
  out.push(`| All rows | ${workbooks.map((w) => n(total(w))).join(" | ")} |`);
  out.push(
    `| File | ${workbooks.map((w) => `${mb(w.buffer.length)}${w.viaServer ? "" : " (over the limit: in process only)"}`).join(" | ")} |`,
  );
  out.push("");

  // What it cost.
  const s = (x: number) => x.toFixed(2);
  const trio = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))} / ${f(median(xs))} / ${f(Math.max(...xs))}`;
  const headlineRows = total(workbooks.find((w) => w.scale === HEADLINE)!);
  out.push(
    "Times in seconds and memory in MB as min / median / max; the server's time is the request's, seen by the client; its memory is its resident size's peak during the request above its idle size after a warm-up (a fresh server per scale: the first run starts from idle, later ones from what the run before left, as V8 keeps its grown heap a while).",
  );
  out.push("");
  out.push(
    "| Scale | vs 2.5x | List 1 rows | List 3 rows | All rows | File | Server time (s) | Server peak above idle (MB) | Server idle | In-process computeAnnexA (s) | In-process s per 100,000 rows |",
  );
  out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const w of workbooks) {
    const sv = server.get(w.scale);
    const ip = inProcess.get(w.scale)!;
    const perRows = median(ip.seconds) / (total(w) / 100_000);
    out.push(
      `| ${scaleName(w.scale)}${w.scale === HEADLINE ? " (headline)" : ""} | ${(total(w) / headlineRows).toFixed(2)}x | ${n(rowsOf(w, 1))} | ${n(rowsOf(w, 3))} | ${n(total(w))} | ${mb(w.buffer.length)} | ${
        sv
          ? trio(
              sv.runs.map((r) => r.seconds),
              s,
            )
          : "not uploaded"
      } | ${
        sv
          ? trio(
              sv.runs.map((r) => r.peakAboveIdleMb),
              (x) => String(Math.round(x)),
            )
          : "-"
      } | ${sv ? `${Math.round(sv.idleMb)} MB` : "-"} | ${trio(ip.seconds, s)} | ${perRows.toFixed(2)} |`,
    );
  }
  out.push("");
  const headline = server.get(HEADLINE)!;
  const headTime = median(headline.runs.map((r) => r.seconds));
  const headPeak = Math.max(...headline.runs.map((r) => r.peakAboveIdleMb));
  const headTimes = headline.runs.map((r) => r.seconds);
  const base = workbooks.find((w) => w.scale === HEADLINE)!;
  const ratios = workbooks
    .filter((w) => w.scale > HEADLINE)
    .map((w) => {
      const sv = server.get(w.scale);
      const ip = inProcess.get(w.scale)!;
      return `x${scaleName(w.scale)} is ${(total(w) / total(base)).toFixed(2)}x the rows: in process ${(median(ip.seconds) / median(inProcess.get(HEADLINE)!.seconds)).toFixed(2)}x the time${sv ? `, through the server ${(median(sv.runs.map((r) => r.seconds)) / headTime).toFixed(2)}x the time and ${(median(sv.runs.map((r) => r.peakAboveIdleMb)) / Math.max(1, median(headline.runs.map((r) => r.peakAboveIdleMb)))).toFixed(2)}x the memory` : ""}`;
    });
  out.push(`Linearity against the 2.5x workbook: ${ratios.join("; ")}.`);
  out.push(
    `Memory: ${headline.hwm ? "the larger of the 20 ms samples of VmRSS and VmHWM (reset through /proc/<pid>/clear_refs before each request)" : "VmRSS sampled every 20 ms (VmHWM could not be reset)"}. The machine is shared: other work ran at the same time, so times are noisy.`,
  );

  // The figures, and that the server and the pure function agree.
  const ipFigures = inProcess.get(HEADLINE)!.figures;
  // The build and the sources can differ (BENCH_SKIP_BUILD=1, or sources edited during the run): said, not an aim.
  const key = (f: Figure) => JSON.stringify([f.code, f.value, f.numerator, f.denominator, f.words, f.reason]);
  const inProcessKeys = new Set(ipFigures.map(key));
  const differing = headline.figures.filter((f) => !inProcessKeys.has(key(f))).map((f) => f.code);
  const same = differing.length === 0 && headline.figures.length === ipFigures.length;
  out.push("");
  out.push(
    `The ${headline.figures.length} figures for the 2.5x workbook (through the server; ${same ? "the same as computeAnnexA's in process" : `computeAnnexA in this process gave other figures for ${differing.join(", ") || "some codes"}: the build is not of these sources`}):`,
  );
  out.push("");
  out.push("| Code | Value | Working |");
  out.push("| --- | ---: | --- |");
  for (const f of headline.figures) out.push(`| ${f.code} | ${f.value ?? "-"} | ${f.words ?? f.reason ?? ""} |`);
  out.push("");

  const aims = [
    {
      text: `Annex A, 2.5x council (${n(rowsOf(base, 1))} contacts, ${n(rowsOf(base, 3))} referrals, ${n(total(base))} rows) through the server in under ${AIM_SECONDS} s (median ${s(headTime)} s; slowest ${s(Math.max(...headTimes))} s)`,
      ok: headTime < AIM_SECONDS,
    },
    {
      text: `Annex A, 2.5x council under ${AIM_MB} MB above the server's idle memory (highest peak ${Math.round(headPeak)} MB above ${Math.round(headline.idleMb)} MB)`,
      ok: headPeak < AIM_MB,
    },
  ];
  out.push("Aims (issue 21):");
  for (const a of aims) out.push(`- ${a.ok ? "PASS" : "FAIL"}: ${a.text}`);
  console.log(out.join("\n"));
  console.log(
    JSON.stringify({
      headline: {
        scale: HEADLINE,
        rows: total(base),
        contacts: rowsOf(base, 1),
        referrals: rowsOf(base, 3),
        fileBytes: base.buffer.length,
        medianSeconds: +headTime.toFixed(2),
        seconds: headTimes.map((x) => +x.toFixed(2)),
        idleMb: Math.round(headline.idleMb),
        peakAboveIdleMb: Math.round(headPeak),
      },
      scales: workbooks.map((w) => ({
        scale: w.scale,
        rows: total(w),
        fileBytes: w.buffer.length,
        serverSeconds: server.get(w.scale)?.runs.map((r) => +r.seconds.toFixed(2)) ?? null,
        serverPeakAboveIdleMb: server.get(w.scale)?.runs.map((r) => Math.round(r.peakAboveIdleMb)) ?? null,
        inProcessSeconds: inProcess.get(w.scale)!.seconds.map((x) => +x.toFixed(2)),
      })),
      figuresAsInProcess: same,
      aims,
    }),
  );
  return aims.every((a) => a.ok);
}

let passed = false;
try {
  passed = await main();
} finally {
  await stopServer();
}
process.exit(passed ? 0 : 1);
