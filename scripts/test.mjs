// npm test: installs what is missing, then runs unit and integration tests (Vitest) and browser
// tests (Playwright on a production build), all on a database created fresh for this run.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDependencies, root } from "./ensure-deps.mjs";
import { runStep } from "./run-step.mjs";
import { findIdentifiers, findUnhandledErrors } from "./server-log-check.mjs";

ensureDependencies();
ensureChromium();
const { startDatabase, StartupError } = await import("./db-runtime.mjs");
const { deployMigrations } = await import("./migrate-deploy.mjs");

/**
 * Chromium, for the app's PDFs and the browser tests, and its headless shell, which the browser tests
 * use when it is there (playwright.config.ts): installed from Debian's packages when missing, as root.
 */
function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const shell = "/usr/bin/chromium-headless-shell";
  if (fs.existsSync(exe) && (fs.existsSync(shell) || process.env.CHROMIUM_PATH)) return;
  if (fs.existsSync("/etc/debian_version") && process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    console.log("Installing Debian's Chromium for the browser tests (apt-get install chromium chromium-headless-shell)...");
    const u = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const i =
      u.status === 0
        ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "chromium-headless-shell"], {
            stdio: "inherit",
            env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
          })
        : u;
    if (fs.existsSync(exe)) return;
    if (i.status !== 0) console.error("apt-get could not install Chromium.");
  }
  if (fs.existsSync(exe)) return;
  console.error(
    `Browser tests need Chromium at ${exe}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);
let db;
try {
  db = await startDatabase({ test: true });
  await deployMigrations(db.url);
} catch (e) {
  console.error(e instanceof StartupError ? e.message : `Could not prepare the test database: ${e.message}`);
  await db?.stop();
  process.exit(1);
}
const distDir = process.env.TEST_DIST_DIR ?? ".next-test";
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  NEXT_DIST_DIR: distDir,
  NEXTAUTH_SECRET: "test-secret-for-the-browser-tests-only-0123456789",
  // Given to the build and to both servers of e2e/two-servers.spec.ts, as more than one server needs.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "dGVzdC1zZXJ2ZXItYWN0aW9ucy1rZXktMzItYnl0ZXM=",
  NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT ?? 3100}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
// Every browser test signs in from 127.0.0.1: the per-address back-off would otherwise refuse the
// suite's own deliberate failures after ten. Only for the browser half: the unit tests test the back-off.
// The demo council lives in 2019: deadlines are judged as on Monday 9 September 2019, with August's
// pack mid-cycle (values due 5 September, commentary 10th, approval 13th, publication 18th).
// Email goes to the SMTP catcher the reminders spec starts on E2E_PORT + 1000 (elsewhere nothing
// listens, and a failed notification never blocks a step); reminders are sent from the admin page only.
// The catcher offers no STARTTLS, so the servers are told that plain SMTP is meant (SMTP_ALLOW_PLAIN).
const browserEnv = {
  ...env,
  SIGN_IN_FAILURES_PER_ADDRESS: "10000",
  DEADLINES_TODAY: process.env.DEADLINES_TODAY ?? "2019-09-09",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(Number(process.env.E2E_PORT ?? 3100) + 1000),
  SMTP_ALLOW_PLAIN: "true",
  REMINDERS_INTERVAL_MINUTES: "0",
};

const only = process.argv[2]; // "unit" or "e2e" to run one half
let failed = false;
// Awaited, never spawnSync: this process must keep reading the database's log meanwhile (run-step.mjs).
async function step(label, cmd, args, stepEnv = env) {
  if (failed) return;
  console.log(`\n=== ${label} ===`);
  const status = await runStep(cmd, args, { cwd: root, env: stepEnv });
  if (status !== 0) {
    failed = true;
    console.error(`${label} failed`);
  }
}

// "npm test -- unit --project database" passes what follows "unit" to Vitest (CI's second run on PostgreSQL 15).
if (only !== "e2e")
  await step("Unit and integration tests (Vitest)", bin("vitest"), ["run", ...(only === "unit" ? process.argv.slice(3) : [])]);
if (only !== "unit") {
  const reuse = process.env.REUSE_BUILD === "1" && fs.existsSync(path.join(root, distDir, "BUILD_ID"));
  if (!reuse)
    await step("Production build for the browser tests", process.execPath, [
      path.join(root, "node_modules", "next", "dist", "bin", "next"),
      "build",
    ]);
  await browserStep();
}

/** Playwright, its output shown as it comes and kept, then the server's log in it checked for unhandled errors. */
async function browserStep() {
  if (failed) return;
  const label = "Browser tests (Playwright, Chromium)";
  console.log(`\n=== ${label} ===`);
  const child = spawn(bin("playwright"), ["test", ...process.argv.slice(3)], {
    cwd: root,
    stdio: ["inherit", "pipe", "pipe"],
    env: browserEnv,
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
    process.stdout.write(d);
  });
  child.stderr.on("data", (d) => {
    output += d;
    process.stderr.write(d);
  });
  const status = await new Promise((resolve) => child.on("close", resolve));
  const logFile = path.join(root, "test-results", "browser-tests.log");
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, output);
  if (status !== 0) {
    failed = true;
    console.error(`${label} failed`);
  }
  // The Annex A spec uploads the sample lists: none of its children's identifiers may reach the server's log.
  const ids = spawnSync(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts/annex-a/sample-identifiers.ts")], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (ids.status !== 0) {
    failed = true;
    console.error(`Could not list the Annex A sample's identifiers: ${ids.stderr}`);
  } else {
    const leaked = findIdentifiers(output, JSON.parse(ids.stdout));
    if (leaked.length) {
      failed = true;
      console.error(
        `\nThe server's log holds ${leaked.length} line${leaked.length === 1 ? "" : "s"} with a child's identifier from the Annex A sample (the whole log: ${path.relative(root, logFile)}).`,
      );
    }
  }
  const unhandled = findUnhandledErrors(output);
  if (unhandled.length) {
    failed = true;
    console.error(
      `\nThe server logged ${unhandled.length} unhandled error${unhandled.length === 1 ? "" : "s"} during the browser tests (the whole log: ${path.relative(root, logFile)}):`,
    );
    for (const line of unhandled.slice(0, 20)) console.error(`  ${line}`);
  }
}
await db.stop();
console.log(failed ? "\nTests failed" : "\nAll tests passed");
process.exit(failed ? 1 : 0);
