// npm run backup then npm run restore gives back every row exactly, on two databases of the test server:
// a source copied from the demo template (test/demo-template.ts: the demo council, seeded once per server
// for the code it comes from) plus rows the demo lacks (a PDF, a supersession, odd floats and text), and
// an empty target. Also: an occupied target is refused, and a failed restore changes nothing.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import { createDemoDatabase } from "@/test/demo-template";

// Every model in the schema is a table the backup must hold: new models are counted without editing this test.
const MODEL_COUNT = (fs.readFileSync(path.join(import.meta.dirname, "../prisma/schema.prisma"), "utf8").match(/^model \w+ \{/gm) ?? [])
  .length;

const root = path.resolve(import.meta.dirname, "..");
const base = new URL(process.env.DATABASE_URL!);
const suffix = `${process.pid}_${Date.now()}`;
const urlOf = (db: string) => {
  const u = new URL(base.toString());
  u.pathname = `/${db}`;
  return u.toString();
};
const admin = urlOf("postgres");
const sourceDb = `backup_source_${suffix}`;
const targetDb = `backup_target_${suffix}`;
const source = urlOf(sourceDb);
const target = urlOf(targetDb);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-backup-"));
const backupFile = path.join(dir, "demo.ndjson.gz");

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function run(args: string[], url: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      args[0],
      args.slice(1),
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
const restore = (file: string, url: string, ...flags: string[]) => run([process.execPath, "scripts/restore.mjs", file, ...flags], url);

/** Every table's row count and a digest of all its rows as PostgreSQL's JSON: equal digests, equal data. */
function fingerprint(url: string) {
  return withClient(url, async (c) => {
    const tables = (
      await c.query<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = current_schema() and tablename <> '_prisma_migrations' order by 1`,
      )
    ).rows.map((r) => r.tablename);
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const t of tables) {
      const r = await c.query<{ n: number; d: string }>(
        `select count(*)::int as n, md5(coalesce(string_agg(row_to_json(x)::text, E'\\n' order by row_to_json(x)::text), '')) as d from "${t}" x`,
      );
      out[t] = { rows: r.rows[0].n, digest: r.rows[0].d };
    }
    return out;
  });
}

// A superseded pack whose row comes before its successor's in the file (one INSERT, so physical order
// is the VALUES order): restoring it needs the self-reference set after both rows exist.
const oldPackId = randomUUID();
const newPackId = randomUUID();
const pdfBytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

async function addRowsTheDemoLacks(c: pg.Client) {
  const pack = (
    await c.query<{ periodId: string; snapshot: unknown; contentHash: string }>(
      `select "periodId", snapshot, "contentHash" from "PackVersion" order by "signedOffAt" limit 1`,
    )
  ).rows[0];
  await c.query(
    `insert into "PackVersion" (id, "periodId", version, snapshot, "contentHash", "signedOffByName", "signedOffByRole", "signedOffAt", "supersededById", "amendmentReason")
     values ($1, $3, 900, $4::jsonb, $5, 'Backup Test', 'DIRECTOR', '2019-09-01 10:00:00.123', $2, null),
            ($2, $3, 901, $4::jsonb, $5, 'Backup Test', 'DIRECTOR', '2019-09-02 10:00:00.456', null, 'Line 2 said “6” — should be £6')`,
    [oldPackId, newPackId, pack.periodId, JSON.stringify(pack.snapshot), pack.contentHash],
  );
  await c.query(`insert into "PackPdf" ("packVersionId", "contentHash", pdf) values ($1, $2, $3)`, [newPackId, pack.contentHash, pdfBytes]);
  const value = (await c.query<{ id: string }>(`select id from "IndicatorValue" limit 1`)).rows[0].id;
  await c.query(
    `insert into "ValueRevision" (id, "valueId", revision, "oldValue", "newValue", source, "actorName")
     values ($1, $2, 99, 0.30000000000000004, 1e-300, 'ENTRY', 'O''Brien \\ "Test" 🎉')`,
    [randomUUID(), value],
  );
  await c.query(
    `insert into "AuditEvent" ("actorName", action, "entityType", "entityId", "after")
     values ('Backup Test', 'test.odd-json', 'Test', 'x', $1::jsonb)`,
    [JSON.stringify({ big: 12345678901234567000, tiny: 5e-324, text: "tab\there\nnewline \u2028 \\", nested: [null, true, { a: [] }] })],
  );
  // A JSON null is not SQL NULL (Prisma's JsonNull and DbNull), though row_to_json writes both as null;
  // in a NOT NULL column, restoring one as SQL NULL would fail outright.
  await c.query(
    `insert into "AuditEvent" ("actorName", action, "entityType", "entityId", before, after) values ('Backup Test', 'test.json-null', 'Test', 'y', 'null'::jsonb, null)`,
  );
  await c.query(
    `insert into "ImportBatch" (id, "periodId", "fileName", "fileSha256", "rowCount", "errorCount", rows, "createdById", "createdByName")
     values ($1, $2, 'empty.csv', 'e3b0c442', 0, 0, 'null'::jsonb, $1, 'Backup Test')`,
    [randomUUID(), pack.periodId],
  );
}

/** The backup file's first line. */
type BackupHeader = { format: string; version: number; migrations: string[]; tables: Record<string, number> };

const jsonNulls = (url: string) =>
  withClient(
    url,
    async (c) =>
      (
        await c.query<{ audit: string; batch: string }>(
          `select (select jsonb_typeof(before) || '/' || coalesce(jsonb_typeof(after), 'SQL NULL') from "AuditEvent" where action = 'test.json-null') as audit,
          (select jsonb_typeof(rows) from "ImportBatch" where "fileName" = 'empty.csv') as batch`,
        )
      ).rows[0],
  );

describe("backup and restore", () => {
  let backup: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    await createDemoDatabase(source);
    await withClient(admin, (c) => c.query(`CREATE DATABASE "${targetDb}"`));
    await withClient(source, addRowsTheDemoLacks);
    backup = await run([process.execPath, "scripts/backup.mjs", "--out", backupFile], source);
  }, 150_000);

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await withClient(admin, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${sourceDb}" WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS "${targetDb}" WITH (FORCE)`);
    });
  });

  it("says what it wrote, and nothing on stderr", () => {
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(new RegExp(`^Backup written to .*demo\\.ndjson\\.gz: \\d+ rows from ${MODEL_COUNT} tables`));
  });

  it("writes a header, then rows in an order the foreign keys allow", () => {
    const lines = gunzipSync(fs.readFileSync(backupFile)).toString("utf8").trimEnd().split("\n");
    const header = JSON.parse(lines[0]) as BackupHeader;
    expect(header).toMatchObject({ format: "scrutiny-pack-backup", version: 1 });
    expect(header.migrations).toContain("20261126092103_init");
    expect(header.tables.PackVersion).toBe(18);
    expect(header.tables).not.toHaveProperty("_prisma_migrations");
    expect(lines.length - 1).toBe(Object.values(header.tables).reduce((a, b) => a + b, 0));
    const tableAt = (i: number) => (JSON.parse(lines[i]) as { t: string }).t;
    const first = (t: string) => lines.findIndex((l, i) => i > 0 && tableAt(i) === t);
    expect(first("Period")).toBeLessThan(first("PackVersion"));
    expect(first("PackVersion")).toBeLessThan(first("PackPdf"));
    // The superseded pack really does come before the pack it points at.
    expect(lines.findIndex((l) => l.includes(`"id":"${oldPackId}"`))).toBeLessThan(
      lines.findIndex((l) => l.includes(`"id":"${newPackId}"`)),
    );
    expect(lines.find((l) => l.includes('"action":"test.json-null"'))).toMatch(/^\{"t":"AuditEvent","n":\["before"\],"r":/);
    expect(fs.statSync(backupFile).mode & 0o077).toBe(0);
  });

  it("restores every row of every table exactly into an empty database", async () => {
    const r = await restore(backupFile, target);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PackVersion\s+18\n/);

    const before = await fingerprint(source);
    const after = await fingerprint(target);
    expect(MODEL_COUNT).toBeGreaterThan(20);
    expect(Object.keys(before)).toHaveLength(MODEL_COUNT);
    expect(after).toEqual(before);
    expect(before.IndicatorValue.rows).toBeGreaterThan(500);

    const packs = (url: string) =>
      withClient(
        url,
        async (c) =>
          (
            await c.query<{ id: string; snapshot: unknown; contentHash: string; supersededById: string | null }>(
              `select id, snapshot, "contentHash", "supersededById" from "PackVersion" order by id`,
            )
          ).rows,
      );
    const restored = await packs(target);
    expect(restored.map((p) => p.contentHash)).toEqual((await packs(source)).map((p) => p.contentHash));
    for (const p of restored) expect(verifyContentHash(p.snapshot, p.contentHash)).toBe(true);
    expect(restored.find((p) => p.id === oldPackId)?.supersededById).toBe(newPackId);
    expect(await jsonNulls(target)).toEqual({ audit: "null/SQL NULL", batch: "null" });

    await withClient(target, async (c) => {
      expect(
        (await c.query<{ pdf: Buffer }>(`select pdf from "PackPdf" where "packVersionId" = $1`, [newPackId])).rows[0].pdf.equals(pdfBytes),
      ).toBe(true);
      // The bigserial carries on after the restored rows instead of colliding with them (a bigint comes back as text).
      const max = Number((await c.query<{ m: string }>(`select max(id) as m from "AuditEvent"`)).rows[0].m);
      await c.query("begin");
      const next = await c.query<{ id: string }>(
        `insert into "AuditEvent" ("actorName", action, "entityType", "entityId") values ('t', 't', 't', 't') returning id`,
      );
      await c.query("rollback");
      expect(Number(next.rows[0].id)).toBe(max + 1);
    });
  });

  it("refuses a database that holds data unless --force, and a failed forced restore changes nothing", async () => {
    await withClient(target, (c) =>
      c.query(`update "User" set name = 'Changed after restore' where email = (select min(email) from "User")`),
    );
    const occupied = await fingerprint(target);

    const refused = await restore(backupFile, target);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^The database already holds data \(in .*User.*\): restore into an empty database, or add --force/,
    );
    expect(await fingerprint(target)).toEqual(occupied);

    // A backup whose User rows (late in the file) break a NOT NULL: the truncation and every table already
    // inserted roll back with it.
    const text = gunzipSync(fs.readFileSync(backupFile)).toString("utf8");
    const broken = path.join(dir, "broken.ndjson.gz");
    fs.writeFileSync(broken, gzipSync(text.replace(/(\{"t":"User","r":\{.*?"name":)"[^"]*"/, "$1null")));
    const failed = await restore(broken, target, "--force");
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toMatch(/^Restore failed, so the data in the database is unchanged: .*"name".*User/);
    expect(await fingerprint(target)).toEqual(occupied);

    const forced = await restore(backupFile, target, "--force");
    expect(forced.code).toBe(0);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });

  it("refuses a missing file, a damaged file and a backup from unknown migrations in one line, before touching the database", async () => {
    const before = await fingerprint(target);
    const header = JSON.parse(gunzipSync(fs.readFileSync(backupFile)).toString("utf8").split("\n")[0]) as BackupHeader;
    const write = (name: string, data: Buffer | string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, data);
      return f;
    };
    const cases: [string, RegExp][] = [
      [path.join(dir, "nowhere.ndjson.gz"), /^Backup file not found: .*nowhere\.ndjson\.gz$/],
      [write("notes.txt", "hello\n"), /notes\.txt is not a Scrutiny Pack backup: it is not gzip-compressed$/],
      [write("half.gz", fs.readFileSync(backupFile).subarray(0, 100_000)), /half\.gz is damaged: it ends part-way through/],
      [
        write("other.gz", gzipSync('{"hello":"world"}\n')),
        /other\.gz is not a Scrutiny Pack backup: its first line is not a scrutiny-pack-backup header$/,
      ],
      [
        write("count.gz", gzipSync(`${JSON.stringify({ ...header, tables: { User: 2 } })}\n{"t":"User","r":{}}\n`)),
        /count\.gz is damaged or incomplete: it holds 1 rows of User where its header says 2$/,
      ],
      [
        write("future.gz", gzipSync(`${JSON.stringify({ ...header, migrations: [...header.migrations, "29990101000000_teleport"] })}\n`)),
        /future\.gz comes from a newer version of Scrutiny Pack \(migrations unknown to this code: 29990101000000_teleport\)/,
      ],
    ];
    for (const [file, message] of cases) {
      const r = await restore(file, target, "--force");
      expect(r.code, file).toBe(1);
      expect(r.stderr.trimEnd().split("\n"), file).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    expect(await fingerprint(target)).toEqual(before);
  });
});
