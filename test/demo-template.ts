// The demo council as a template database on the test server, for the tests that need all of it (the
// backup round trip, the browser tests): seeding takes half a minute or more, a copy about a second.
// Its name carries a fingerprint of what the seed's result depends on, so it is reused while that is
// unchanged and rebuilt when it changes. `npm test` starts a new server each run; one that lasts keeps it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { importClosure, root } from "../scripts/import-graph.mjs";
import { deployMigrations } from "../scripts/migrate-deploy.mjs";
import { databaseOf, withDatabase } from "./database-url";

/** Where the seed starts, and the processes it starts by path (no import reaches them): the charts at sign-off, the pages at publication. */
const SEED_ENTRY_POINTS = ["prisma/seed/demo.ts", "scripts/pack/render-charts.mjs", "scripts/pack/render-pack-pages.ts"];
/** Read but not imported: the tables the seed fills, the demo's data files, the packages' versions. */
const SEED_INPUTS = ["prisma/migrations", "prisma/schema.prisma", "prisma/seed/data", "package-lock.json"];
/** Read by the seed's sources but without effect on what it writes; any other `process.env.X` they read is fingerprinted. */
const ENVIRONMENT_WITHOUT_EFFECT = new Set(["DATABASE_URL", "DATABASE_POOL_SIZE", "NODE_ENV"]);
const PREFIX = "demo_template_";
/** Held on the server's `postgres` database while a template is checked, built or copied: runs sharing a server take turns. */
const LOCK_KEY = 230_471_923;

function filesUnder(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((name) => filesUnder(path.join(p, name)));
}

/**
 * What the seeded database depends on: the seed's sources as far as their imports reach and its other
 * inputs (paths relative to the project), and the environment variables those sources read.
 */
export function demoSeedInputs(): { files: string[]; environment: string[] } {
  const environment = new Set<string>();
  const files = importClosure(
    SEED_ENTRY_POINTS.map((entry) => path.join(root, entry)),
    (_file, text) => {
      for (const m of text.matchAll(/process\.env\.(\w+)/g)) if (!ENVIRONMENT_WITHOUT_EFFECT.has(m[1])) environment.add(m[1]);
    },
  );
  for (const input of SEED_INPUTS) for (const file of filesUnder(path.join(root, input))) files.add(file);
  return {
    files: [...files].map((f) => path.relative(root, f).split(path.sep).join("/")).sort(),
    environment: [...environment].sort(),
  };
}

/** 16 hex digits of a SHA-256 over those files' paths and contents and those variables' values. */
export function demoSeedFingerprint(): string {
  const { files, environment } = demoSeedInputs();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0");
  for (const name of environment) hash.update(`${name}=${process.env[name] ?? ""}\0`);
  return hash.digest("hex").slice(0, 16);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

function runSeed(url: string): Promise<{ code: number; output: string }> {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["--conditions=react-server", "prisma/seed/demo.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** Migrates and seeds a new database `template`, then closes it to connections: a copy needs it unused. */
async function buildTemplate(admin: pg.Client, url: string, template: string): Promise<void> {
  await admin.query(`CREATE DATABASE ${quote(template)}`);
  try {
    const templateUrl = withDatabase(url, template);
    await deployMigrations(templateUrl);
    const seed = await runSeed(templateUrl);
    if (seed.code !== 0) throw new Error(`The demo seed failed while building ${template}:\n${seed.output}`);
    // Refusing connections marks it complete (one still accepting them was left half-built) and keeps
    // anyone from holding it open; what the seed and the migration engine left connected is ended.
    await admin.query(`ALTER DATABASE ${quote(template)} WITH ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [template]);
    await admin.query(`COMMENT ON DATABASE ${quote(template)} IS 'The demo council for the tests (test/demo-template.ts)'`);
  } catch (e) {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`);
    throw e;
  }
}

export type DemoCopy = { template: string; buildSeconds: number | null; copySeconds: number };

/**
 * Creates the database `url` names as a copy of the demo council, building the demo template first when
 * this server has none for the current code (and dropping those made from other code). `replace` drops
 * the database first, ending its connections: an app server already connected reconnects to the copy.
 */
export async function createDemoDatabase(
  url: string,
  { replace = false, log }: { replace?: boolean; log?: (line: string) => void } = {},
): Promise<DemoCopy> {
  const template = `${PREFIX}${demoSeedFingerprint()}`;
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    const found = await admin.query<{ datname: string; datallowconn: boolean }>(
      "SELECT datname, datallowconn FROM pg_database WHERE starts_with(datname, $1)",
      [PREFIX],
    );
    const ready = found.rows.some((r) => r.datname === template && !r.datallowconn);
    for (const r of found.rows) if (!(ready && r.datname === template)) await admin.query(`DROP DATABASE ${quote(r.datname)} WITH (FORCE)`);
    let buildSeconds: number | null = null;
    if (!ready) {
      log?.(`Building the demo template ${template} (migrations, then the demo seed)...`);
      const started = performance.now();
      await buildTemplate(admin, url, template);
      buildSeconds = seconds(started);
    }
    const started = performance.now();
    const name = databaseOf(url);
    if (replace) await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
    return { template, buildSeconds, copySeconds: seconds(started) };
  } finally {
    await admin.end(); // and with the session, the lock
  }
}
