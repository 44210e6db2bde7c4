// A database of its own for a test file, on the test run's PostgreSQL server: for fault tests (the
// child processes they kill write to it, and nothing another file relies on is left half-made), and
// for files whose operations read the whole catalogue (a sign-off needs every section approved), so
// another file's new section, running at the same time, cannot make their month "not ready".
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect } from "vitest";

export async function runSql(url: string, query: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await c.query(query, params); } finally { await c.end(); }
}

/** A new database on the test run's server, with every migration applied unless `migrated` is false. */
export async function createOwnDatabase(prefix: string, { migrated = true } = {}) {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const adminUrl = Object.assign(new URL(base.toString()), { pathname: "/postgres" }).toString();
  const url = Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();
  await runSql(adminUrl, `CREATE DATABASE "${name}"`);
  const dir = path.resolve(import.meta.dirname, "../prisma/migrations");
  if (migrated) for (const m of fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql"))).sort()) {
    await runSql(url, fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  }
  return { url, drop: () => runSql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

type Global = { prisma?: { $disconnect(): Promise<void> } };

/**
 * Called at the top of a test file: its tests run on a new, migrated database, dropped when the
 * file ends. lib/db makes its client on first use, so this works as long as nothing in the file
 * queries before its tests (module-level code must not).
 */
export function useOwnDatabase(prefix: string) {
  let own: Awaited<ReturnType<typeof createOwnDatabase>> | undefined;
  beforeAll(async () => {
    expect((globalThis as Global).prisma, "the Prisma client was used before the file's own database was set").toBeUndefined();
    own = await createOwnDatabase(prefix);
    process.env.DATABASE_URL = own.url;
  });
  afterAll(async () => {
    await (globalThis as Global).prisma?.$disconnect();
    await own?.drop();
  });
}
