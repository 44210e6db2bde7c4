// The embedded database's app role: the app connects as it, so it must not be a superuser and must
// not be able to change the schema, while reading and writing every table works.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAppRole } from "./db-runtime.mjs";

const base = new URL(process.env.DATABASE_URL!);
const name = `app_role_${process.pid}_${Date.now()}`;
const role = `app_role_test_${process.pid}`;
const urlOf = (db: string) => {
  const u = new URL(base.toString());
  u.pathname = `/${db}`;
  return u.toString();
};

async function sql<T extends pg.QueryResultRow>(url: string, query: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(query, params)).rows;
  } finally {
    await c.end();
  }
}

let appUrl: string;
beforeAll(async () => {
  await sql(urlOf("postgres"), `CREATE DATABASE "${name}"`);
  const dir = path.resolve(import.meta.dirname, "../prisma/migrations");
  for (const m of fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort()) {
    await sql(urlOf(name), fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  }
  // Stands in for the history table the migration engine keeps.
  await sql(urlOf(name), `create table "_prisma_migrations" (id text primary key)`);
  appUrl = await ensureAppRole(urlOf(name), "a-random-test-password", role);
});

afterAll(async () => {
  await sql(urlOf("postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql(urlOf("postgres"), `DROP ROLE IF EXISTS ${role}`);
});

describe("the app's database role", () => {
  it("is not a superuser, and reads and writes the tables", async () => {
    expect(new URL(appUrl).username).toBe(role);
    const [me] = await sql<{ rolsuper: boolean; rolcreatedb: boolean }>(
      appUrl,
      "select rolsuper, rolcreatedb from pg_roles where rolname = current_user",
    );
    expect(me).toEqual({ rolsuper: false, rolcreatedb: false });
    await sql(
      appUrl,
      `insert into "User" (id, email, name, role, "updatedAt") values (gen_random_uuid(), 'role@test.example', 'Role Test', 'ADMIN', now())`,
    );
    expect(await sql(appUrl, `select email from "User"`)).toEqual([{ email: "role@test.example" }]);
  });

  it("cannot change the schema or the migration history, and re-running it is harmless", async () => {
    await expect(sql(appUrl, `create table "Evil" (id int)`)).rejects.toThrow(/permission denied/);
    await expect(sql(appUrl, `drop table "AuditEvent"`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(sql(appUrl, `select * from "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    expect(await ensureAppRole(urlOf(name), "a-random-test-password", role)).toBe(appUrl);
  });

  it("adds and reads audit events, and may not change or remove one", async () => {
    const [event] = await sql<{ id: string }>(
      appUrl,
      `insert into "AuditEvent" ("actorName", action, "entityType", "entityId") values ('Role Test', 'test.appended', 'Test', 'x') returning id`,
    );
    expect(await sql(appUrl, `select action from "AuditEvent" where id = $1`, [event.id])).toEqual([{ action: "test.appended" }]);
    await expect(sql(appUrl, `update "AuditEvent" set "actorName" = 'Someone else' where id = $1`, [event.id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql(appUrl, `delete from "AuditEvent" where id = $1`, [event.id])).rejects.toThrow(/permission denied/);
    await expect(sql(appUrl, `truncate "AuditEvent"`)).rejects.toThrow(/permission denied/);
  });
});
