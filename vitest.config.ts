import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only guards Next bundles; in tests there is no client bundle to guard.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One file at a time. The files whose checks read the whole database (sign-off, the snapshot,
    // reminders, target changes, the hostile-input hash, the permission walk) now run on databases
    // of their own (test/own-database.ts) and each worker has its own test months, so files can run
    // at once; but on the 2-core machine two workers were not clearly faster (950 s against 1014 s
    // one at a time, both with the machine's load at 10 to 15 from other work), so it stays off.
    fileParallelism: false,
    setupFiles: ["test/setup.ts"],
  },
});
