// Prisma migrations without Prisma's native schema engine (it cannot be downloaded on our machines):
// the same engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through adapter-pg.
// Writes the standard prisma/migrations/<timestamp>_<name>/migration.sql and _prisma_migrations table.
// Applying migrations goes through migrate-deploy.mjs, which prefers the native engine where installed.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");
const filters = { externalTables: [], externalEnums: [] };

let wasmReady = false;
function loadWasm() {
  if (wasmReady) return;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    set_message(m) {
      this.message = m;
    },
    get() {
      return this.message;
    },
  };
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(inst.exports);
  inst.exports.__wbindgen_start?.();
  wasmReady = true;
}

// adapter-pg rejects PostgreSQL's internal "char" type (OID 18) that the engine's catalogue queries
// return. Relabel those columns as text for pg, then report them to the engine as Character (6).
let pgPatched = false;
const charCols = new WeakMap();
function patchPg() {
  if (pgPatched) return;
  pgPatched = true;
  const fix = (res) => {
    const idx = [];
    (res?.fields ?? []).forEach((f, i) => {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        idx.push(i);
      }
    });
    if (idx.length && res.rows) charCols.set(res.rows, idx);
    return res;
  };
  for (const C of [pg.Client, pg.Pool]) {
    const orig = C.prototype.query;
    C.prototype.query = function (...args) {
      const r = orig.apply(this, args);
      return r && typeof r.then === "function" ? r.then(fix) : r;
    };
  }
}
function patchQueryRaw(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__charPatched) return;
  const orig = proto.queryRaw;
  proto.queryRaw = async function (q) {
    const r = await orig.call(this, q);
    for (const i of charCols.get(r.rows) ?? []) r.columnTypes[i] = 6;
    return r;
  };
  proto.__charPatched = true;
}

// adapter-pg runs a migration script by splitting it at every ";" (executeScript), which cuts a
// function body ($$ ... $$) in pieces. PostgreSQL takes the whole script as one simple query, as
// Prisma's native engine sends it, so it is sent whole.
function patchExecuteScript(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "executeScript")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__scriptPatched) return;
  proto.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  proto.__scriptPatched = true;
}

function makeFactory(url) {
  patchPg();
  // Discrete fields, not a connection string: adapter-pg derives shadow databases by overriding
  // `database`, which a connection string would win over.
  const u = new URL(url);
  const cfg = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
  };
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode && sslmode !== "disable") cfg.ssl = { rejectUnauthorized: sslmode === "verify-full" };
  const f = new PrismaPg(cfg);
  const origConnect = f.connect.bind(f);
  f.connect = async () => {
    const a = await origConnect();
    patchQueryRaw(a);
    patchExecuteScript(a);
    return a;
  };
  // adapter-pg drops its shadow database before closing the pool that uses it; do it in order here.
  f.connectToShadowDb = async () => {
    const main = await f.connect();
    const db = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${db}"`);
    const shadow = await new PrismaPg({ ...cfg, database: db }).connect();
    patchQueryRaw(shadow);
    patchExecuteScript(shadow);
    const origDispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await origDispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${db}"`);
      await main.dispose();
    };
    return shadow;
  };
  return bindMigrationAwareSqlAdapterFactory(f);
}

export function listMigrations(dir = migrationsDir) {
  const dirs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const f = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(f) ? { tag: "ok", value: fs.readFileSync(f, "utf8") } : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}

/** Opens the engine against a database; call close() when done. */
export async function openEngine(url) {
  loadWasm();
  const schemaContent = fs.readFileSync(schemaPath, "utf8");
  const factory = makeFactory(url);
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaContent]] }, () => {}, factory);
  const describe = (e) => {
    const adapterErrors = (factory.errorRegistry?.registeredErrors ?? []).filter(Boolean).map((r) => JSON.stringify(r.error));
    return new Error(`${e?.message ?? e}${adapterErrors.length ? ` (${adapterErrors.join("; ")})` : ""}`);
  };
  const call = async (fn) => {
    try {
      return await fn();
    } catch (e) {
      throw describe(e);
    }
  };
  return {
    schemaContent,
    deploy: () => call(() => engine.applyMigrations({ migrationsList: listMigrations(), filters })),
    status: () => call(() => engine.diagnoseMigrationHistory({ migrationsList: listMigrations(), optInToShadowDatabase: false, filters })),
    devDiagnostic: () => call(() => engine.devDiagnostic({ migrationsList: listMigrations(), filters })),
    createMigration: (name) =>
      call(() =>
        engine.createMigration({
          draft: false,
          migrationName: name,
          migrationsList: listMigrations(),
          schema: { files: [{ path: schemaPath, content: schemaContent }] },
          filters,
        }),
      ),
    /** SQL that would take the live database to schema.prisma; empty when they match. */
    diffDatabaseToSchema: () =>
      call(() =>
        engine.diff({
          from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schemaContent }], configDir: root },
          to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaContent }] },
          script: true,
          exitCode: null,
          filters,
        }),
      ),
    close: () => engine.free?.(),
  };
}

export { migrationsDir };
