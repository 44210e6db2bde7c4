// Every committed migration, applied to an empty database, gives exactly schema.prisma.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openEngine } from "./migrate-engine.mjs";

const base = new URL(process.env.DATABASE_URL!);
const name = `migration_check_${process.pid}_${Date.now()}`;
const admin = new URL(base.toString());
admin.pathname = "/postgres";
const target = new URL(base.toString());
target.pathname = `/${name}`;

async function sql(query: string) {
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

describe("migrations", () => {
  afterAll(() => sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it("apply to an empty database and leave no difference from schema.prisma", async () => {
    await sql(`CREATE DATABASE "${name}"`);
    const engine = await openEngine(target.toString());
    const applied = await engine.deploy();
    expect(applied.appliedMigrationNames.length).toBeGreaterThan(0);
    const diff = await engine.diffDatabaseToSchema();
    expect(diff.stdout.replace(/^--.*$/gm, "").trim()).toBe("");
    // A second deploy has nothing left to apply.
    expect((await engine.deploy()).appliedMigrationNames).toEqual([]);

    // And the check notices drift: drop a column and the diff must name it.
    const c = new pg.Client({ connectionString: target.toString() });
    await c.connect();
    await c.query(`ALTER TABLE "User" DROP COLUMN "lockedUntil"`);
    await c.end();
    const drift = await engine.diffDatabaseToSchema();
    expect(drift.stdout).toMatch(/lockedUntil/);
    engine.close();
  });
});
