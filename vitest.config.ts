import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { classifyTestFiles } from "./test/test-projects.mjs";

// Three projects, sorted by what each test file imports (test/test-projects.mjs):
// - pure: no database. Threads, no isolation between files: a module is loaded once per worker.
// - database: each file on a copy of the run's migrated template database of its own
//   (test/global-setup-db.ts, test/setup-db.ts), so files run at once in separate processes.
// - slow: child processes, faults, the backup round trip: one at a time, and only once in CI.
// `npm run test:unit -- <file>` still runs one file, in whichever project it belongs to.
const files: { pure: string[]; database: string[]; slow: string[] } = classifyTestFiles();

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only guards Next bundles; in tests there is no client bundle to guard.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // As many workers as cores, not Vitest's one fewer: a database test spends half its time waiting
    // on PostgreSQL, so on two cores two workers take 53 s over the database files, one takes 69 s.
    maxWorkers: os.availableParallelism(),
    // Content hashes, the audit chain and stored pages are keyed with the server's secret: a run that
    // gives none (a bare vitest, the mutation runner) gets one, as npm test's does. Set here, not stubbed,
    // so a test's vi.unstubAllEnvs() cannot take it away from the tests after it.
    env: { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "a-test-secret-that-is-long-enough-0123456789" },
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: files.pure,
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "database",
          include: files.database,
          pool: "forks",
          isolate: false,
          globalSetup: ["test/global-setup-db.ts"],
          setupFiles: ["test/setup-db.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          include: files.slow,
          pool: "forks",
          fileParallelism: false,
          globalSetup: ["test/global-setup-db.ts"],
          setupFiles: ["test/setup-db.ts"],
        },
      },
    ],
  },
});
