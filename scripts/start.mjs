// npm start: production start-up. Refuses a missing or weak NEXTAUTH_SECRET, a missing or plain-http
// NEXTAUTH_URL, a missing DATABASE_URL unless USE_EMBEDDED_DATABASE=1 asks for the embedded one, a
// malformed PDF_RENDERS_PER_PROCESS, and a NEXT_SERVER_ACTIONS_ENCRYPTION_KEY that is malformed or not
// the build's (warns when it is unset: more than one server then needs this very build);
// checks DATABASE_URL (one clear line if it is malformed or unreachable), applies committed
// migrations (as MIGRATION_DATABASE_URL when set), then serves. On the embedded database the app connects as a role that is not a superuser.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./ensure-deps.mjs";
import { checkReachable, startDatabase, StartupError } from "./db-runtime.mjs";
import { deployMigrations, migrationUrl } from "./migrate-deploy.mjs";
import { findStartupProblems, findStartupWarnings } from "./start-checks.mjs";

/** The server actions' key Next.js wrote into the build (null when there is no build yet). */
function buildActionKey() {
  const manifest = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  try {
    return JSON.parse(fs.readFileSync(manifest, "utf8")).encryptionKey ?? null;
  } catch {
    return null;
  }
}

const problems = findStartupProblems(process.env, buildActionKey());
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
for (const w of findStartupWarnings(process.env)) console.warn(`Warning: ${w}`);

let db;
let appUrl;
try {
  db = await startDatabase();
  // With MIGRATION_DATABASE_URL, the schema's owner applies migrations and DATABASE_URL needs no DDL rights.
  const target = migrationUrl(db);
  if (target !== db.url) await checkReachable(target, "MIGRATION_DATABASE_URL");
  const r = await deployMigrations(target);
  if (r.appliedMigrationNames.length) console.log(`Applied migrations (${r.engine} engine): ${r.appliedMigrationNames.join(", ")}`);
  appUrl = await db.appUrl();
} catch (e) {
  console.error(e instanceof StartupError ? e.message : `Could not prepare the database: ${e.message}`);
  await db?.stop();
  process.exit(1);
}
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: appUrl, NODE_ENV: "production" },
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => {
  void db.stop().then(() => process.exit(code ?? 0));
});
