// The app as the benchmarks run it: built into .next-bench when sources changed, started with
// `next start` on a free loopback port, and signed in through next-auth's credentials endpoint.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
export const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
export const log = (...a) => console.error("[bench]", ...a);
/** The bench server's session secret; the council's loader uses it too, since it seals the pack pages it stores. */
export const BENCH_SECRET = "bench-secret-not-for-production-0123456789abcdef";

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".") || e.name === "generated") continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfNeeded() {
  if (process.env.BENCH_SKIP_BUILD === "1") return log("BENCH_SKIP_BUILD=1: using the existing build in", DIST);
  const id = path.join(ROOT, DIST, "BUILD_ID");
  const sources = Math.max(
    ...["app", "lib", "components", "proxy.ts", "next.config.ts"].map((p) => {
      const full = path.join(ROOT, p);
      return fs.statSync(full).isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs;
    }),
  );
  if (fs.existsSync(id) && fs.statSync(id).mtimeMs > sources) return log("build is up to date");
  log("building into", DIST);
  const tsconfig = fs.readFileSync(path.join(ROOT, "tsconfig.json"));
  try {
    execFileSync(bin("next"), ["build"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_DIST_DIR: DIST },
    });
  } finally {
    fs.writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig); // next build adds the dist dir to it
  }
}

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

/** Like run, but resolves with the exit code as well as stdout (the soak test exits 1 when it finds errors). */
export function runAllowingFailure(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

export async function signIn(origin, email) {
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: "scrutiny-demo", json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${email} (${res.status})`);
  return session;
}

/** `next start` from the bench build on a free loopback port; resolves when /api/health answers. */
export async function startApp(databaseUrl) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's
  // DevTools, or summarise it with scripts/bench/summarise-profile.mjs).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...profile, next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: origin,
      PORT: String(port),
    },
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 120) {
      child.kill("SIGTERM");
      throw new Error("next start did not come up");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { origin, stop: () => child.kill("SIGTERM") };
}
