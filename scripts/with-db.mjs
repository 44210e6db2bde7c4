// Runs a command with DATABASE_URL pointing at a ready database (see db-runtime.mjs), then stops
// the embedded server if it started one. usage: with-db.mjs [--migrate] [--test-db] command args...
import { spawn } from "node:child_process";
import path from "node:path";
import { startDatabase, StartupError } from "./db-runtime.mjs";
import { localSecret } from "./ensure-deps.mjs";

const args = process.argv.slice(2);
const flags = new Set();
while (args[0]?.startsWith("--")) flags.add(args.shift());
if (!args.length) {
  console.error("usage: with-db.mjs [--migrate] [--test-db] command args...");
  process.exit(2);
}

let db;
try {
  db = await startDatabase({ test: flags.has("--test-db") });
  if (flags.has("--migrate")) {
    const { deployMigrations, migrationUrl } = await import("./migrate-deploy.mjs");
    const r = await deployMigrations(migrationUrl({ ...db, test: flags.has("--test-db") }));
    if (r.appliedMigrationNames.length) console.log(`Applied migrations (${r.engine} engine): ${r.appliedMigrationNames.join(", ")}`);
  }
} catch (e) {
  console.error(e instanceof StartupError ? e.message : `Could not prepare the database: ${e?.message ?? e}`);
  await db?.stop();
  process.exit(1);
}

const bin = path.resolve(import.meta.dirname, "..", "node_modules", ".bin");
const child = spawn(args[0], args.slice(1), {
  stdio: "inherit",
  env: {
    ...process.env,
    // Frozen packs and audit events are keyed with the server's secret (lib/integrity/keys.ts): without
    // one, the seed, the dev server and audit:verify share the demo's, kept in data/ (tests make their own).
    ...(process.env.NEXTAUTH_SECRET || flags.has("--test-db") ? {} : { NEXTAUTH_SECRET: localSecret() }),
    DATABASE_URL: db.url,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  },
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => {
  void db.stop().then(() => process.exit(code ?? (signal ? 1 : 0)));
});
