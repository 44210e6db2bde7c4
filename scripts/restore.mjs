// npm run restore -- <file> [--force]: loads a backup.mjs file into the DATABASE_URL database, all or
// nothing. The whole file is checked before the database is touched; an occupied database is refused
// unless --force, which empties it inside the same transaction (a failed restore leaves it as it was).
import fs from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import pg from "pg";
import {
  FORMAT,
  MIGRATIONS_TABLE,
  VERSION,
  listAppTables,
  listForeignKeys,
  listJsonColumns,
  quoteIdent,
  rowLinePrefix,
} from "./backup-format.mjs";
import { listMigrations } from "./migrate-engine.mjs";
import { deployMigrations } from "./migrate-deploy.mjs";

const USAGE = "usage: npm run restore -- <backup file> [--force]";
// Rows go to PostgreSQL in batches of this many rows or bytes of JSON, whichever comes first.
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

/** A failure the user can act on: printed as one line, without a stack. */
class RestoreError extends Error {}

function parseArgs(argv) {
  const files = [];
  let force = false;
  for (const a of argv) {
    if (a === "--force") force = true;
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith("--")) {
      console.error(`Unknown option ${a}\n${USAGE}`);
      process.exit(2);
    } else files.push(a);
  }
  if (files.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  return { file: files[0], force };
}

/** The decompressed file, line by line; gzip damage surfaces as a RestoreError naming the file. */
async function* readLines(file) {
  const gunzip = createGunzip();
  const source = fs.createReadStream(file);
  source.on("error", (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending = [];
  try {
    for await (const chunk of gunzip) {
      const text = decoder.write(chunk);
      let start = 0;
      let i;
      while ((i = text.indexOf("\n", start)) !== -1) {
        pending.push(text.slice(start, i));
        yield pending.join("");
        pending = [];
        start = i + 1;
      }
      if (start < text.length) pending.push(text.slice(start));
    }
  } catch (e) {
    if (e?.code === "Z_DATA_ERROR" && /header/.test(e.message))
      throw new RestoreError(`${file} is not a Scrutiny Pack backup: it is not gzip-compressed`);
    if (e?.code === "Z_BUF_ERROR") throw new RestoreError(`${file} is damaged: it ends part-way through (an incomplete copy?)`);
    if (e?.code?.startsWith?.("Z_")) throw new RestoreError(`${file} is damaged: ${e.message}`);
    throw e;
  } finally {
    source.destroy();
  }
  const last = pending.join("") + decoder.end();
  if (last) yield last;
}

function parseHeader(line, file) {
  let h;
  try {
    h = JSON.parse(line);
  } catch {
    h = null;
  }
  if (h?.format !== FORMAT) throw new RestoreError(`${file} is not a Scrutiny Pack backup: its first line is not a ${FORMAT} header`);
  if (h.version !== VERSION) throw new RestoreError(`${file} is a version ${h.version} backup; this code reads version ${VERSION} only`);
  const countsOk = h.tables && typeof h.tables === "object" && Object.values(h.tables).every((n) => Number.isInteger(n) && n >= 0);
  if (!Array.isArray(h.migrations) || !h.migrations.every((m) => typeof m === "string") || !countsOk) {
    throw new RestoreError(`${file} is damaged: its header has no valid migration list or table counts`);
  }
  return h;
}

/**
 * Reads the whole file once without touching the database: a damaged or truncated file is refused
 * before anything changes. Returns the header, the tables in file order and the columns seen per table.
 */
async function scanBackup(file) {
  let header;
  let lineNo = 0;
  const counts = new Map();
  const columns = new Map();
  const order = [];
  for await (const line of readLines(file)) {
    lineNo++;
    if (lineNo === 1) {
      header = parseHeader(line, file);
      checkMigrationsKnown(header, file);
      continue;
    }
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new RestoreError(`${file} is damaged: line ${lineNo} is not valid JSON`);
    }
    const t = entry?.t;
    if (typeof t !== "string" || !entry.r || typeof entry.r !== "object" || Array.isArray(entry.r)) {
      throw new RestoreError(`${file} is damaged: line ${lineNo} is not a table row`);
    }
    if (entry.n !== undefined && !(Array.isArray(entry.n) && entry.n.every((c) => typeof c === "string" && entry.r[c] === null))) {
      throw new RestoreError(`${file} is damaged: line ${lineNo} names JSON nulls its row does not hold`);
    }
    if (!Object.hasOwn(header.tables, t))
      throw new RestoreError(`${file} is damaged: line ${lineNo} holds a row of ${t}, which its header does not list`);
    if (order.at(-1) !== t) {
      if (counts.has(t)) throw new RestoreError(`${file} is damaged: the rows of ${t} are not together (line ${lineNo})`);
      order.push(t);
      counts.set(t, 0);
      columns.set(t, new Set());
    }
    counts.set(t, counts.get(t) + 1);
    const seen = columns.get(t);
    for (const k of Object.keys(entry.r)) seen.add(k);
  }
  if (!header) throw new RestoreError(`${file} is not a Scrutiny Pack backup: it is empty`);
  for (const [t, expected] of Object.entries(header.tables)) {
    const found = counts.get(t) ?? 0;
    if (found !== expected)
      throw new RestoreError(`${file} is damaged or incomplete: it holds ${found} rows of ${t} where its header says ${expected}`);
  }
  return { header, order, columns };
}

/** Migrations the backup's database had that this code does not know: a newer version made it. */
function checkMigrationsKnown(header, file) {
  const known = new Set(listMigrations().migrationDirectories.map((d) => d.path));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new RestoreError(
      `${file} comes from a newer version of Scrutiny Pack (migrations unknown to this code: ${unknown.join(", ")}): restore it with that version`,
    );
  }
}

async function findOccupiedTables(client) {
  const occupied = [];
  for (const t of await listAppTables(client)) {
    if ((await client.query(`select exists (select 1 from ${quoteIdent(t)}) as any`)).rows[0].any) occupied.push(t);
  }
  return occupied;
}

/** Columns that can be inserted (not generated, not dropped) and primary keys, per table. */
async function describeTables(client) {
  const cols = await client.query(
    `select c.relname as tbl, a.attname as col from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const pks = await client.query(
    `select c.relname as tbl, array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
              join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as cols
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'p' and n.nspname = current_schema()`,
  );
  const tables = new Map();
  for (const { tbl, col } of cols.rows) {
    if (!tables.has(tbl)) tables.set(tbl, { columns: [], primaryKey: [] });
    tables.get(tbl).columns.push(col);
  }
  for (const { tbl, cols: pk } of pks.rows) if (tables.has(tbl)) tables.get(tbl).primaryKey = pk;
  return tables;
}

/**
 * Plans each table's INSERT: the columns both the backup and the schema have (columns added by later
 * migrations take their defaults), with self-referencing columns inserted as null and set afterwards.
 */
function planTables({ header, order, columns }, schema, foreignKeys, jsonColumns) {
  const missing = Object.keys(header.tables).filter((t) => !schema.has(t));
  if (missing.length) throw new RestoreError(`The backup holds tables this database's schema does not have: ${missing.join(", ")}`);
  // The file is read once, so a table's rows must come after the rows of every table it references.
  // npm run backup writes tables in orderByForeignKeys order; this checks the file against our schema.
  const loaded = new Set();
  for (const t of order) {
    const fk = foreignKeys.find((f) => f.table === t && f.references !== t && header.tables[f.references] > 0 && !loaded.has(f.references));
    if (fk)
      throw new RestoreError(
        `The backup lists the rows of ${t} before those of ${fk.references}, which it references, so they cannot be inserted in that order`,
      );
    loaded.add(t);
  }
  const plans = new Map();
  for (const t of order) {
    const { columns: schemaCols, primaryKey } = schema.get(t);
    const lost = [...columns.get(t)].filter((c) => !schemaCols.includes(c));
    if (lost.length) throw new RestoreError(`The backup's ${t} rows have columns this schema does not: ${lost.join(", ")}`);
    const cols = schemaCols.filter((c) => columns.get(t).has(c));
    const selfRef = new Set(foreignKeys.filter((f) => f.table === t && f.references === t).flatMap((f) => f.columns));
    if (selfRef.size && !primaryKey.length)
      throw new RestoreError(`${t} references itself but has no primary key to set those references by`);
    plans.set(t, {
      table: t,
      cols,
      selfRef: [...selfRef].filter((c) => cols.includes(c)),
      primaryKey,
      jsonTypes: jsonColumns.get(t) ?? new Map(),
      inserted: 0,
    });
  }
  return plans;
}

/**
 * One batch of rows, each {"r":row} or {"r":row,"n":[json columns holding a JSON null]}: inserted with
 * self-references null, which are staged to be set once the whole table is in.
 */
async function insertBatch(client, plan, rows) {
  const T = quoteIdent(plan.table);
  const value = (c) => {
    const q = quoteIdent(c);
    if (plan.selfRef.includes(c)) return "null";
    const type = plan.jsonTypes.get(c);
    return type
      ? `case when src.${q} is null and src."__line" -> 'n' is not null and (src."__line" -> 'n')::jsonb ? ${pgLiteral(c)} then 'null'::${type} else src.${q} end`
      : `src.${q}`;
  };
  const staging = plan.selfRef.length
    ? `, staged as (insert into ${plan.staging} select ${[...plan.primaryKey, ...plan.selfRef].map((c) => `src.${quoteIdent(c)}`).join(", ")}
                      from src where ${plan.selfRef.map((c) => `src.${quoteIdent(c)} is not null`).join(" or ")})`
    : "";
  const r = await client.query(
    `with src as (select e.line as "__line", s.* from json_array_elements($1::json) e(line)
                   cross join lateral json_populate_record(null::${T}, e.line -> 'r') s)${staging}
     insert into ${T} (${plan.cols.map(quoteIdent).join(", ")}) overriding system value
     select ${plan.cols.map(value).join(", ")} from src`,
    [`[${rows.join(",")}]`],
  );
  plan.inserted += r.rowCount;
}

function pgLiteral(text) {
  return `'${String(text).replaceAll("'", "''")}'`;
}

async function finishTable(client, plan, expected) {
  if (plan.staging) {
    const T = quoteIdent(plan.table);
    const set = plan.selfRef.map((c) => `${quoteIdent(c)} = s.${quoteIdent(c)}`).join(", ");
    const match = plan.primaryKey.map((c) => `t.${quoteIdent(c)} = s.${quoteIdent(c)}`).join(" and ");
    await client.query(`update ${T} t set ${set} from ${plan.staging} s where ${match}`);
  }
  if (plan.inserted !== expected)
    throw new RestoreError(`${plan.table}: inserted ${plan.inserted} rows where the backup holds ${expected}`);
}

/** Serial and identity sequences continue after the restored maximum (AuditEvent.id is a bigserial). */
async function resetSequences(client) {
  const r = await client.query(
    `select c.relname as tbl, a.attname as col, s.seq from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
       cross join lateral (select pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq) s
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        and s.seq is not null and c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  for (const { tbl, col, seq } of r.rows) {
    await client.query(
      `select setval($1::regclass, coalesce(max(${quoteIdent(col)}), (select seqstart from pg_sequence where seqrelid = $1::regclass)), max(${quoteIdent(col)}) is not null) from ${quoteIdent(tbl)}`,
      [seq],
    );
  }
}

/** The table a row line belongs to, and its row as a batch element with the row's JSON exactly as written. */
function splitRowLine(line) {
  const m = /^\{"t":("(?:[^"\\]|\\.)*"),(?:"n":(\[[^\]]*\]),)?"r":/.exec(line);
  if (m && line.endsWith("}")) {
    const table = JSON.parse(m[1]);
    const nulls = m[2] ? JSON.parse(m[2]) : undefined;
    if (line.startsWith(rowLinePrefix(table, nulls)))
      return { table, element: `{"r":${line.slice(m[0].length, -1)}${nulls ? `,"n":${m[2]}` : ""}}` };
  }
  // A line reformatted by another tool: re-serialise it (scanBackup has already parsed it once).
  const { t, r, n } = JSON.parse(line);
  return { table: t, element: JSON.stringify({ r, n }) };
}

async function loadRows(client, file, plans, header) {
  let plan = null;
  let batch = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length) await insertBatch(client, plan, batch);
    batch = [];
    bytes = 0;
  };
  let first = true;
  for await (const line of readLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    const { table, element } = splitRowLine(line);
    if (plan?.table !== table) {
      if (plan) {
        await flush();
        await finishTable(client, plan, header.tables[plan.table]);
      }
      plan = plans.get(table);
      if (plan.selfRef.length) {
        plan.staging = quoteIdent(`restore_selfref_${[...plans.keys()].indexOf(table)}`);
        const cols = [...plan.primaryKey, ...plan.selfRef].map(quoteIdent).join(", ");
        await client.query(`create temp table ${plan.staging} on commit drop as select ${cols} from ${quoteIdent(table)} with no data`);
      }
    }
    batch.push(element);
    bytes += element.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  if (plan) {
    await flush();
    await finishTable(client, plan, header.tables[plan.table]);
  }
}

async function restore({ url, file, force }) {
  const started = Date.now();
  if (!fs.existsSync(file)) throw new RestoreError(`Backup file not found: ${file}`);
  if (!fs.statSync(file).isFile()) throw new RestoreError(`${file} is not a file`);
  if (fs.statSync(file).size === 0) throw new RestoreError(`${file} is not a Scrutiny Pack backup: it is empty`);
  const scan = await scanBackup(file);

  const client = new pg.Client({ connectionString: url, application_name: "scrutiny-restore" });
  await client.connect();
  try {
    const occupied = await findOccupiedTables(client);
    if (occupied.length && !force) {
      throw new RestoreError(
        `The database already holds data (in ${occupied.join(", ")}): restore into an empty database, or add --force to replace everything in it`,
      );
    }
    const applied = await deployMigrations(url);
    if (applied.appliedMigrationNames.length)
      console.log(`Applied migrations (${applied.engine} engine): ${applied.appliedMigrationNames.join(", ")}`);
    const later = listMigrations()
      .migrationDirectories.map((d) => d.path)
      .filter((m) => !scan.header.migrations.includes(m));
    if (later.length) console.log(`The backup predates migrations ${later.join(", ")}: columns they added take their defaults`);

    const foreignKeys = await listForeignKeys(client);
    const plans = planTables(scan, await describeTables(client), foreignKeys, await listJsonColumns(client));
    await client.query("begin");
    try {
      const tables = (await listAppTables(client)).map(quoteIdent);
      if (force && tables.length) {
        // The audit trail refuses TRUNCATE to every role (the append_only_audit migration): replacing
        // the whole database on purpose turns that off for this transaction only (owner or superuser).
        const audit = tables.includes(quoteIdent("AuditEvent"));
        if (audit) await client.query(`alter table "AuditEvent" disable trigger "AuditEvent_append_only_truncate"`);
        await client.query(`truncate ${tables.join(", ")} restart identity cascade`);
        if (audit) await client.query(`alter table "AuditEvent" enable trigger "AuditEvent_append_only_truncate"`);
      }
      await loadRows(client, file, plans, scan.header);
      await resetSequences(client);
      await client.query("commit");
    } catch (e) {
      await client.query("rollback").catch(() => {});
      const why = e instanceof RestoreError ? e.message : `${e?.message ?? e}${e?.table ? ` (table ${e.table})` : ""}`;
      throw new RestoreError(`Restore failed, so the data in the database is unchanged: ${why}`);
    }
    for (const t of plans.keys()) await client.query(`analyze ${quoteIdent(t)}`);
    return { header: scan.header, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end().catch(() => {});
  }
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: run this through npm run restore");
  process.exit(1);
}
const { file, force } = parseArgs(process.argv.slice(2));
try {
  const { header, seconds } = await restore({ url, file, force });
  const width = Math.max(...Object.keys(header.tables).map((t) => t.length));
  for (const t of Object.keys(header.tables).sort()) console.log(`  ${t.padEnd(width)}  ${String(header.tables[t]).padStart(7)}`);
  const total = Object.values(header.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Restored ${total} rows into ${Object.keys(header.tables).length} tables from ${path.basename(file)} (backup of ${header.createdAt}) in ${seconds.toFixed(1)} s`,
  );
  // The migration engine's connection pool would otherwise hold the process open until it idles out.
  process.exit(0);
} catch (e) {
  console.error(e instanceof RestoreError ? e.message : `Restore failed: ${e?.message ?? e}`);
  process.exit(1);
}
