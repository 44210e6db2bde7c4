// npm run demo: install if needed, prepare the embedded database with the demo council, build and
// serve on http://localhost:3000 (PORT to change). With DATABASE_URL set, that server is used.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { ensureDependencies, localSecret, root, run } from "./ensure-deps.mjs";

ensureDependencies();
const { startDatabase, StartupError } = await import("./db-runtime.mjs");
const { deployMigrations } = await import("./migrate-deploy.mjs");

const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  // The server actions' key, given at build and at start, so a second demo server (docs/operations.md,
  // "Running more than one server") can take this one's form posts even from its own build.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? localSecret("server-actions-key", () => crypto.randomBytes(32).toString("base64")),
  NEXT_TELEMETRY_DISABLED: "1",
  // The demo council lives in 2019: its deadlines are judged as on Monday 9 September 2019, when
  // August's pack is mid-cycle. Unset it (DEADLINES_TODAY=) to judge them against today.
  DEADLINES_TODAY: process.env.DEADLINES_TODAY ?? "2019-09-09",
};

if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.log("Building the app...");
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { env });
}

let db;
try {
  db = await startDatabase();
  await deployMigrations(db.url);
} catch (e) {
  console.error(e instanceof StartupError ? e.message : `Could not prepare the database: ${e.message}`);
  await db?.stop();
  process.exit(1);
}
env.DATABASE_URL = db.url;
run(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed/demo.ts", "--if-empty"], { env });
// The seed ran as the superuser; the app itself connects as a role that is not one.
env.DATABASE_URL = await db.appUrl();

console.log(`Scrutiny Pack is starting on http://localhost:${port} (Ctrl+C to stop). Demo accounts: see README.md`);
const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => {
  void db.stop().then(() => process.exit(code ?? 0));
});
