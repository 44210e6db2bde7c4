// Databases for tests on the test run's PostgreSQL server. Every database test file already runs on a
// copy of the migrated template of its own (test/setup-db.ts); these make more: an empty or freshly
// migrated one for the migration tests, and for fault tests whose child processes write to it.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseOf, withDatabase } from "./database-url";

export async function runSql(url: string, query: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(query, params);
  } finally {
    await c.end();
  }
}

/** A new database on the test run's server, with every migration applied unless `migrated` is false. */
export async function createOwnDatabase(prefix: string, { migrated = true } = {}) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const adminUrl = withDatabase(process.env.DATABASE_URL!, "postgres");
  const url = withDatabase(process.env.DATABASE_URL!, name);
  await runSql(adminUrl, `CREATE DATABASE "${name}"`);
  const dir = path.resolve(import.meta.dirname, "../prisma/migrations");
  if (migrated)
    for (const m of fs
      .readdirSync(dir)
      .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
      .sort()) {
      await runSql(url, fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
    }
  return { url, drop: () => runSql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A copy of a migrated template database (CREATE DATABASE ... TEMPLATE: about 0.2 s); its address. */
export async function createDatabaseFromTemplate(template: string, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const adminUrl = withDatabase(process.env.DATABASE_URL!, "postgres");
  // Two copies of one template begun at the same moment: PostgreSQL may refuse the second while the
  // first still reads the template ("being accessed by other users"); it is tried again.
  for (let attempt = 0; ; attempt++) {
    try {
      await runSql(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (e) {
      if (attempt >= 50 || !/being accessed by other users/.test(String((e as Error).message))) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  return withDatabase(process.env.DATABASE_URL!, name);
}

export async function dropDatabase(url: string): Promise<void> {
  await runSql(withDatabase(url, "postgres"), `DROP DATABASE IF EXISTS "${databaseOf(url)}" WITH (FORCE)`);
}
