// Before the browser tests: for each Playwright worker, a fresh copy of the demo council (a copy of the
// demo template, test/demo-template.ts, which is built first if this server has none for this code) and
// an app server of its own on it, from the one production build (e2e/worker-servers.ts). Returns the
// teardown that stops the servers.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import pg from "pg";
import { createDemoDatabase } from "../test/demo-template";
import { workerEnvironment } from "./worker-servers";

/** Why the database must not be replaced, or null: as the demo seed, refused with accounts that are not under .example. */
async function findRefusal(url: string): Promise<string | null> {
  if (process.env.NODE_ENV === "production")
    return "The browser tests load the demo council, whose passwords are published: not with NODE_ENV=production.";
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch {
    return null; // not there yet: nothing to refuse
  }
  try {
    if (!(await c.query<{ t: string | null }>(`SELECT to_regclass('"User"') AS t`)).rows[0].t) return null;
    const others = await c.query<{ email: string }>(`SELECT email FROM "User" WHERE email NOT LIKE '%.example' ORDER BY email LIMIT 3`);
    if (!others.rowCount) return null;
    return `Refusing to replace a database holding accounts that are not test accounts (for example ${others.rows.map((r) => r.email).join(", ")}).`;
  } finally {
    await c.end();
  }
}

/** `next start` for one worker, its output printed with the "[WebServer]" prefix npm test's check of the server log reads. */
function startServer(slot: number, env: NodeJS.ProcessEnv) {
  const root = path.resolve(import.meta.dirname, "..");
  const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", env.PORT!], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let partial = "";
  const print = (d: Buffer) => {
    const lines = (partial + d.toString()).split(/\r?\n/);
    partial = lines.pop() ?? "";
    for (const l of lines) if (l) console.log(`[WebServer] [worker ${slot}] ${l}`);
  };
  server.stdout.on("data", print);
  server.stderr.on("data", print);
  return server;
}

async function waitForHealth(server: ChildProcess, origin: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The app server for ${origin} exited with ${server.exitCode}`);
    if (
      await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`The app server did not answer on ${origin} within 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

export default async function globalSetup(config: FullConfig) {
  const started = performance.now();
  const host = new URL(workerEnvironment(0).DATABASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to reset a database on ${host}: browser tests only run on a local database`);
  }
  const slots = Array.from({ length: config.workers }, (_, slot) => ({ slot, env: workerEnvironment(slot) }));
  for (const { env } of slots) {
    const refusal = await findRefusal(env.DATABASE_URL);
    if (refusal) throw new Error(refusal);
  }
  // One at a time: the first may build the template, the others copy it.
  const copies = [];
  for (const { env } of slots) copies.push(await createDemoDatabase(env.DATABASE_URL, { replace: true, log: (line) => console.log(line) }));
  const servers = slots.map(({ slot, env }) => startServer(slot, { ...process.env, ...env }));
  const teardown = async () => {
    await Promise.all(servers.map(stop));
  };
  try {
    await Promise.all(servers.map((server, i) => waitForHealth(server, slots[i].env.NEXTAUTH_URL)));
  } catch (e) {
    await teardown();
    throw e;
  }
  const built = copies[0].buildSeconds === null ? "reused" : `built in ${copies[0].buildSeconds} s`;
  const copied = copies.map((c) => c.copySeconds).join(" s, ");
  const total = Math.round((performance.now() - started) / 100) / 10;
  console.log(
    `Demo council loaded from ${copies[0].template} (${built}; copied for ${slots.length} worker${slots.length === 1 ? "" : "s"} in ${copied} s), ` +
      `${slots.length} app server${slots.length === 1 ? "" : "s"} up: global setup ${total} s`,
  );
  return teardown;
}
