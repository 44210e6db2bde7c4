// What backup.mjs writes and restore.mjs reads: gzip'd NDJSON, a header line then one line per row,
// plus the catalogue queries both need (the app's tables and the order foreign keys impose on them).

export const FORMAT = "scrutiny-pack-backup";
export const VERSION = 1;
export const MIGRATIONS_TABLE = "_prisma_migrations";

/** `"Name"`: table and column names are mixed case in the Prisma schema, so always quoted. */
export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/**
 * One row line: {"t":table,"r":row}, or {"t":table,"n":[columns],"r":row} when json/jsonb columns hold
 * a JSON null, which row_to_json writes as null just like SQL NULL. restore.mjs reads the row's JSON
 * back verbatim from exactly this shape.
 */
export function rowLinePrefix(table, jsonNulls) {
  return `{"t":${JSON.stringify(table)},${jsonNulls?.length ? `"n":${JSON.stringify(jsonNulls)},` : ""}"r":`;
}

/** json and jsonb columns per table: Map(table -> Map(column -> "json" | "jsonb")). */
export async function listJsonColumns(client) {
  const r = await client.query(
    `select c.relname as tbl, a.attname as col, t.typname as type from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        and t.typname in ('json', 'jsonb')`,
  );
  const byTable = new Map();
  for (const { tbl, col, type } of r.rows) {
    if (!byTable.has(tbl)) byTable.set(tbl, new Map());
    byTable.get(tbl).set(col, type);
  }
  return byTable;
}

/** The app's tables (ordinary tables of the current schema, without the migration history). */
export async function listAppTables(client) {
  const r = await client.query(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> $1
      order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  return r.rows.map((row) => row.name);
}

/** Foreign keys between the app's tables: [{ table, references, columns, refColumns }]. */
export async function listForeignKeys(client) {
  const r = await client.query(
    `select t.relname as tbl, rt.relname as ref,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
            array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as ref_columns
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       join pg_class t on t.oid = c.conrelid join pg_class rt on rt.oid = c.confrelid
      where c.contype = 'f' and n.nspname = current_schema()`,
  );
  return r.rows.map((row) => ({ table: row.tbl, references: row.ref, columns: row.columns, refColumns: row.ref_columns }));
}

/**
 * Tables ordered so that every table comes after the tables it references (self-references are
 * left for the caller). Ties keep alphabetical order, so the order is stable between runs.
 */
export function orderByForeignKeys(tables, foreignKeys) {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set()]));
  for (const fk of foreignKeys) {
    if (known.has(fk.table) && known.has(fk.references) && fk.table !== fk.references) parents.get(fk.table).add(fk.references);
  }
  const ordered = [];
  const placed = new Set();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...parents.get(t)].every((p) => placed.has(p)));
    if (!next) {
      const stuck = tables.filter((t) => !placed.has(t));
      throw new Error(`the foreign keys between ${stuck.join(", ")} form a cycle, so no insertion order exists`);
    }
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}
