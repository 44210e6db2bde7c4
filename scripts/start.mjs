// npm start: production start-up. Refuses a missing or weak NEXTAUTH_SECRET, checks DATABASE_URL
// (one clear line if it is malformed or unreachable), applies committed migrations, then serves.
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./ensure-deps.mjs";
import { startDatabase, StartupError } from "./db-runtime.mjs";
import { openEngine } from "./migrate-engine.mjs";
import { findSecretProblem, SECRET_ADVICE } from "../lib/auth/secret-check.mjs";

if (findSecretProblem(process.env.NEXTAUTH_SECRET)) {
  console.error(SECRET_ADVICE);
  process.exit(1);
}

let db;
try {
  db = await startDatabase();
  const engine = await openEngine(db.url);
  const r = await engine.deploy();
  if (r.appliedMigrationNames.length) console.log(`Applied migrations: ${r.appliedMigrationNames.join(", ")}`);
  engine.close();
} catch (e) {
  console.error(e instanceof StartupError ? e.message : `Could not prepare the database: ${e.message}`);
  await db?.stop();
  process.exit(1);
}
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
  cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production" },
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => server.kill(sig));
server.on("exit", async (code) => { await db.stop(); process.exit(code ?? 0); });
