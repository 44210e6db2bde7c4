// Installs the project's npm dependencies when they are missing or older than package-lock.json.
// Uses only Node built-ins, since it runs before anything is installed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000);
  if (stale) {
    console.log("Installing dependencies (npm ci)...");
    const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
      console.error("npm ci failed: see the messages above");
      process.exit(1);
    }
  }
  if (!fs.existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) {
    const r = spawnSync(process.execPath, [path.join(root, "scripts", "ensure-prisma.mjs")], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) process.exit(1);
  }
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (r.status !== 0) {
    console.error(`${[cmd, ...args].join(" ")} failed`);
    process.exit(r.status ?? 1);
  }
}

/** A stable secret for local demo sessions, kept under data/ (git-ignored). */
export function localSecret(name = "nextauth-secret", make = () => crypto.randomUUID() + crypto.randomUUID()) {
  const file = path.join(root, "data", name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, make(), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export { root };
