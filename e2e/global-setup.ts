// Resets the test database and loads the demo council before the browser tests.
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the browser tests through npm test");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to reset a database on ${host}: browser tests only run on a local database`);
  }
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed/demo.ts", "--reset"], {
    cwd: root,
    stdio: "inherit",
  });
}
