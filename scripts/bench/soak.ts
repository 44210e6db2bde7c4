// npm run soak: load and soak test on this machine only (127.0.0.1). 200 panel members read the
// published packs over HTTP from a production server while 5 service leads save drafts of their
// August 2019 sections and the director approves what they submit, all on one throwaway database
// loaded with the demo council. Afterwards every acknowledged save is checked against the database.
// SOAK_SECONDS (default 60), SOAK_READERS (200), SOAK_DIST_DIR (build to use or make; .next-flt),
// SOAK_PORT (a free port if unset). Exits 1 on any error or lost save.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { SessionUser } from "@/lib/auth/roles";

const root = path.resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const READERS = Number(process.env.SOAK_READERS ?? 200);
const DIST_DIR = process.env.SOAK_DIST_DIR ?? ".next-flt";
const MONTH = "2019-08";
const PACKS = Array.from({ length: 7 }, (_, i) => `/packs/2019-0${i + 1}`);
const PASSWORD = "scrutiny-demo";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.log(`[soak] ${s}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${r.status})`);
}

async function waitForHealth(base: string, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error("the server exited while starting");
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error("the server did not become healthy in 150 s");
}

/** Signs in through NextAuth's credentials endpoint, as the browser does; returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (r: Response) =>
    r.headers.getSetCookie().forEach((c) => {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`could not sign in as ${email} (HTTP ${r.status})`);
  return cookie();
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

async function main() {
  const runtime = await import("../db-runtime.mjs");
  const { deployMigrations } = await import("../migrate-deploy.mjs");
  const database = await runtime.startDatabase({ test: true });
  let server: ChildProcess | null = null;
  try {
    await deployMigrations(database.url);
    // No email leaves the machine: notifications stay off in this process and in the server.
    delete process.env.SMTP_HOST;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    log("loading the demo council into a throwaway database...");
    run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed/demo.ts", "--reset"], env);

    if (!fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
      log(`building the app into ${DIST_DIR} (next build rewrites tsconfig.json; git checkout -- tsconfig.json afterwards)...`);
      run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { ...env, NEXT_DIST_DIR: DIST_DIR });
    }
    const port = Number(process.env.SOAK_PORT ?? (await freePort()));
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      // PORT: the pack page handler renders and stores a pack over loopback at 127.0.0.1:$PORT.
      env: {
        ...env,
        NODE_ENV: "production",
        PORT: String(port),
        NEXT_DIST_DIR: DIST_DIR,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: "soak-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
      },
    });
    await waitForHealth(base, server);
    log(`production server (${DIST_DIR}) on ${base}`);

    // The domain functions the app's section page calls, in this process, on the same database.
    process.env.DATABASE_URL = database.url;
    const { db } = await import("@/lib/db");
    const { autosaveCommentary } = await import("@/lib/commentary/autosave-commentary");
    const { transitionCommentary, normaliseBody } = await import("@/lib/commentary/transition-commentary");
    const { AppError } = await import("@/lib/errors");
    const asSession = (u: { id: string; name: string; email: string; role: SessionUser["role"] }): SessionUser => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
    });

    // The demo has 3 leads for 4 sections: two more leads (one for a fifth section) make 5, each
    // writing a section of their own.
    const extra = await db.section.create({ data: { name: "Early help (soak)", slug: "early-help-soak", order: 99 } });
    const lead4 = await db.user.create({ data: { email: "lead.leavers@soak.example", name: "Lou Leavers", role: "SERVICE_LEAD" } });
    const lead5 = await db.user.create({ data: { email: "lead.early@soak.example", name: "Eli Early", role: "SERVICE_LEAD" } });
    const leavers = await db.section.findUniqueOrThrow({ where: { slug: "care-leavers" } });
    await db.sectionOwner.create({ data: { sectionId: leavers.id, userId: lead4.id } });
    await db.sectionOwner.create({ data: { sectionId: extra.id, userId: lead5.id } });
    const byEmail = async (email: string) => asSession(await db.user.findUniqueOrThrow({ where: { email } }));
    const writers: { user: SessionUser; slug: string }[] = [
      { user: await byEmail("lead.demand@northbridge.example"), slug: "demand" },
      { user: await byEmail("lead.protection@northbridge.example"), slug: "child-protection" },
      { user: await byEmail("lead.care@northbridge.example"), slug: "corporate-parenting" },
      { user: asSession(lead4), slug: "care-leavers" },
      { user: asSession(lead5), slug: extra.slug },
    ];
    const director = await byEmail("director@northbridge.example");

    const cookie = await signIn(base, "panel@northbridge.example");
    const check = await fetch(`${base}${PACKS[0]}`, { headers: { cookie }, redirect: "manual" });
    const html = await check.text();
    if (check.status !== 200 || !html.includes("January 2019"))
      throw new Error(`the panel member cannot read ${PACKS[0]} (HTTP ${check.status})`);

    const end = Date.now() + SECONDS * 1000;
    const latencies: number[] = [];
    const reads = { requests: 0, non2xx: 0, network: 0, statuses: new Map<number, number>(), firstError: "" };
    async function reader(k: number) {
      for (let n = k; Date.now() < end; n++) {
        const t0 = performance.now();
        reads.requests++;
        try {
          const r = await fetch(`${base}${PACKS[n % PACKS.length]}`, { headers: { cookie }, redirect: "manual" });
          await r.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (r.status < 200 || r.status > 299) {
            reads.non2xx++;
            reads.statuses.set(r.status, (reads.statuses.get(r.status) ?? 0) + 1);
          }
        } catch (e) {
          reads.network++;
          reads.firstError ||= String((e as Error).cause ?? e);
        }
      }
    }

    type Ack = { slug: string; kind: "autosave" | "save" | "submit"; version: number; body: string };
    const acks: Ack[] = [];
    const saves = { conflicts: 0, errors: 0, firstError: "" };
    let approvals = 0;
    let reopens = 0;
    const current = async (slug: string) => db.commentary.findFirst({ where: { period: { month: MONTH }, section: { slug } } });

    async function writer({ user, slug }: { user: SessionUser; slug: string }) {
      let row = await current(slug);
      let version = row?.version ?? 0;
      for (let i = 1; Date.now() < end; i++) {
        if (row && (row.status === "SUBMITTED" || row.status === "APPROVED")) {
          await sleep(50);
          row = await current(slug);
          version = row?.version ?? 0;
          continue;
        }
        const kind: Ack["kind"] = i % 12 === 0 ? "submit" : i % 4 === 0 ? "save" : "autosave";
        const body = `## ${slug}, draft ${i}\n\n${user.name} wrote this at ${new Date().toISOString()}. ${"Referrals held steady while assessments within 45 working days improved. ".repeat(1 + (i % 8))}`;
        try {
          if (kind === "autosave") {
            version = (await autosaveCommentary(user, { month: MONTH, slug, expectedVersion: version, body })).version;
          } else {
            version = (await transitionCommentary(user, { month: MONTH, slug, action: kind, expectedVersion: version, body })).version;
          }
          acks.push({ slug, kind, version, body: normaliseBody(body) });
          if (kind === "submit") row = await current(slug);
          else if (!row) row = await current(slug);
        } catch (e) {
          if (e instanceof AppError && e.code === "CONFLICT") saves.conflicts++;
          else {
            saves.errors++;
            saves.firstError ||= String(e);
          }
          row = await current(slug);
          version = row?.version ?? 0;
        }
        await sleep(20);
      }
    }

    /** The director approves each submitted section, then reopens it so its lead can keep writing. */
    async function reviewer() {
      while (Date.now() < end) {
        const submitted = await db.commentary.findMany({
          where: { period: { month: MONTH }, status: "SUBMITTED" },
          include: { section: true },
        });
        for (const c of submitted) {
          try {
            const approved = await transitionCommentary(director, {
              month: MONTH,
              slug: c.section.slug,
              action: "approve",
              expectedVersion: c.version,
            });
            approvals++;
            await transitionCommentary(director, {
              month: MONTH,
              slug: c.section.slug,
              action: "reopen",
              expectedVersion: approved.version,
              comment: "Reopened so drafting can go on (soak test)",
            });
            reopens++;
          } catch (e) {
            if (e instanceof AppError && e.code === "CONFLICT") saves.conflicts++;
            else {
              saves.errors++;
              saves.firstError ||= String(e);
            }
          }
        }
        await sleep(100);
      }
    }

    log(
      `${READERS} panel readers on ${PACKS.length} published packs, ${writers.length} leads saving ${MONTH} drafts, the director approving: ${SECONDS} s...`,
    );
    const started = performance.now();
    await Promise.all([...Array.from({ length: READERS }, (_, k) => reader(k)), ...writers.map(writer), reviewer()]);
    const elapsed = (performance.now() - started) / 1000;

    // Every acknowledged save is in the database: the latest body per section is the stored body,
    // no version was acknowledged twice, and every save or submit left its revision.
    let lost = 0;
    const problems: string[] = [];
    for (const { slug } of writers) {
      const mine = acks.filter((a) => a.slug === slug);
      if (!mine.length) continue;
      const stored = await db.commentary.findFirstOrThrow({
        where: { period: { month: MONTH }, section: { slug } },
        include: { revisions: true },
      });
      const latest = mine.reduce((a, b) => (b.version > a.version ? b : a));
      if (stored.body !== latest.body) {
        lost++;
        problems.push(`${slug}: stored body is not the last acknowledged one (version ${latest.version})`);
      }
      if (stored.version < latest.version) {
        lost++;
        problems.push(`${slug}: stored version ${stored.version} < acknowledged ${latest.version}`);
      }
      const versions = new Set<number>();
      for (const a of mine) {
        if (versions.has(a.version)) {
          lost++;
          problems.push(`${slug}: version ${a.version} acknowledged twice`);
        }
        versions.add(a.version);
      }
      const revisionBodies = new Set(stored.revisions.map((r) => r.body));
      for (const a of mine.filter((x) => x.kind !== "autosave")) {
        if (!revisionBodies.has(a.body)) {
          lost++;
          problems.push(`${slug}: no revision for the ${a.kind} acknowledged as version ${a.version}`);
        }
      }
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = reads.non2xx + reads.network;
    const count = (k: Ack["kind"]) => acks.filter((a) => a.kind === k).length;
    console.log(`
Soak: ${elapsed.toFixed(1)} s, ${READERS} concurrent panel readers, ${writers.length} leads, 1 director, build ${DIST_DIR}, 127.0.0.1
  reader requests        ${reads.requests.toLocaleString("en-GB")} (${Math.round(reads.requests / elapsed).toLocaleString("en-GB")}/s)
  errors                 ${errors} (non-2xx ${reads.non2xx}${reads.statuses.size ? ` ${JSON.stringify(Object.fromEntries(reads.statuses))}` : ""}, network ${reads.network}${reads.firstError ? `: ${reads.firstError}` : ""})
  reader latency         p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms
  saves acknowledged     ${acks.length} (autosaves ${count("autosave")}, drafts saved ${count("save")}, submissions ${count("submit")})
  saves lost             ${lost}${problems.length ? `\n    ${problems.slice(0, 10).join("\n    ")}` : ""}
  save conflicts refused ${saves.conflicts}; unexpected save errors ${saves.errors}${saves.firstError ? `: ${saves.firstError}` : ""}
  approvals              ${approvals} (reopened ${reopens})`);
    await db.$disconnect();
    process.exitCode = errors === 0 && lost === 0 && saves.errors === 0 && reads.requests > 0 ? 0 : 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await Promise.race([new Promise((r) => server!.once("exit", r)), sleep(5000)]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    await database.stop();
  }
}

await main();
process.exit(process.exitCode ?? 0);
