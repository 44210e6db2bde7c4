// npm run backup [-- --out file]: every table of the app as gzip'd NDJSON (backup-format.mjs), read
// in one REPEATABLE READ transaction so the file is a consistent snapshot while the app keeps serving.
// The file is streamed: a row at a time through a cursor, never the whole database in memory.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import {
  FORMAT,
  MIGRATIONS_TABLE,
  VERSION,
  listAppTables,
  listForeignKeys,
  listJsonColumns,
  orderByForeignKeys,
  quoteIdent,
  rowLinePrefix,
} from "./backup-format.mjs";

const USAGE = "usage: npm run backup [-- --out <file>]";
// Rows per FETCH adapt to row size: about this many bytes of JSON per round trip.
const FETCH_TARGET_BYTES = 4 * 1024 * 1024;

function parseArgs(argv) {
  let out;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out") out = argv[++i];
    else if (a.startsWith("--out=")) out = a.slice(6);
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Unknown argument ${a}\n${USAGE}`);
      process.exit(2);
    }
    if (!out) {
      console.error(`--out needs a file name\n${USAGE}`);
      process.exit(2);
    }
  }
  return { out };
}

/** backups/scrutiny-YYYYMMDD-HHMMSS.ndjson.gz, in UTC like the header's createdAt. */
function defaultFile(now) {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replaceAll("-", "")
    .replaceAll(":", "")
    .replace("T", "-");
  return path.join("backups", `scrutiny-${stamp}.ndjson.gz`);
}

async function readMigrations(client) {
  const exists = await client.query("select to_regclass($1) is not null as ok", [quoteIdent(MIGRATIONS_TABLE)]);
  if (!exists.rows[0].ok) throw new Error(`the database has no ${MIGRATIONS_TABLE} table, so it is not a migrated Scrutiny Pack database`);
  const r = await client.query(
    `select migration_name from ${quoteIdent(MIGRATIONS_TABLE)}
      where finished_at is not null and rolled_back_at is null order by migration_name`,
  );
  return r.rows.map((row) => row.migration_name);
}

function pgLiteral(text) {
  return `'${String(text).replaceAll("'", "''")}'`;
}

/** The header line, then each table's rows in foreign-key order so a restore can insert as it reads. */
async function* backupLines(client, header, tables) {
  yield Buffer.from(`${JSON.stringify(header)}\n`);
  const jsonColumns = await listJsonColumns(client);
  for (const table of tables) {
    if (header.tables[table] === 0) continue;
    const prefix = rowLinePrefix(table);
    // The json/jsonb columns of this row holding a JSON null (not SQL NULL), or null when none do.
    const nullChecks = [...(jsonColumns.get(table) ?? [])].map(
      ([c, type]) => `case when ${type}_typeof(x.${quoteIdent(c)}) = 'null' then ${pgLiteral(c)} end`,
    );
    const jsonNulls = nullChecks.length ? `nullif(array_remove(array[${nullChecks.join(", ")}]::text[], null), '{}')` : "null::text[]";
    // ::text keeps PostgreSQL's own JSON untouched: no parsing into JavaScript numbers and back.
    await client.query(
      `declare backup_rows no scroll cursor for select row_to_json(x)::text as j, ${jsonNulls} as n from ${quoteIdent(table)} x`,
    );
    let fetch = 1; // until the first row shows how large this table's rows are (a PDF is megabytes)
    for (;;) {
      const r = await client.query(`fetch ${fetch} from backup_rows`);
      if (r.rows.length === 0) break;
      let text = "";
      for (const row of r.rows) text += `${row.n ? rowLinePrefix(table, row.n) : prefix}${row.j}}\n`;
      fetch = Math.max(1, Math.min(5000, Math.floor(FETCH_TARGET_BYTES / (text.length / r.rows.length))));
      yield Buffer.from(text);
    }
    await client.query("close backup_rows");
  }
}

async function backup({ url, out }) {
  const started = Date.now();
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new Error(`${out} already exists: choose another --out`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  // Interrupted (Ctrl-C, or a stop signal passed on by with-db.mjs): leave no half-written file behind.
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"])
    process.once(sig, () => {
      fs.rmSync(partial, { force: true });
      process.exit(1);
    });

  const client = new pg.Client({ connectionString: url, application_name: "scrutiny-backup" });
  await client.connect();
  let rows = 0;
  try {
    // One snapshot for the counts, the migration list and every row: what the header says is what follows.
    await client.query("begin isolation level repeatable read read only");
    const migrations = await readMigrations(client);
    const tables = orderByForeignKeys(await listAppTables(client), await listForeignKeys(client));
    const counts = {};
    for (const t of tables) counts[t] = Number((await client.query(`select count(*) as n from ${quoteIdent(t)}`)).rows[0].n);
    rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations, tables: counts };

    // Password hashes and personal data are inside: readable by the owner only.
    await pipeline(Readable.from(backupLines(client, header, tables)), createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
    await client.query("commit");
    if (fs.existsSync(file)) throw new Error(`${out} appeared while the backup ran: the backup is left in ${partial}`);
    fs.renameSync(partial, file);
    return { file, rows, tables: tables.length, bytes: fs.statSync(file).size, seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: run this through npm run backup");
  process.exit(1);
}
const { out } = parseArgs(process.argv.slice(2));
try {
  const r = await backup({ url, out: out ?? defaultFile(new Date()) });
  const size = r.bytes >= 1024 * 1024 ? `${(r.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(r.bytes / 1024)} KB`;
  const shown = path.relative(process.cwd(), r.file);
  console.log(
    `Backup written to ${shown.startsWith("..") ? r.file : shown}: ${r.rows} rows from ${r.tables} tables, ${size}, in ${r.seconds.toFixed(1)} s`,
  );
} catch (e) {
  console.error(`Backup failed: ${e?.message ?? e}`);
  process.exit(1);
}
