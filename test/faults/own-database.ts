// A database of its own for a fault test, on the test run's PostgreSQL server: the child processes
// the test kills write to it, and nothing another file relies on can be left half-made there.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export async function runSql(url: string, query: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await c.query(query, params); } finally { await c.end(); }
}

export async function createOwnDatabase(prefix: string) {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const adminUrl = Object.assign(new URL(base.toString()), { pathname: "/postgres" }).toString();
  const url = Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();
  await runSql(adminUrl, `CREATE DATABASE "${name}"`);
  const dir = path.resolve(import.meta.dirname, "../../prisma/migrations");
  for (const m of fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql"))).sort()) {
    await runSql(url, fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  }
  return { url, drop: () => runSql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
