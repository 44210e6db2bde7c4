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
    // One file at a time: integration tests share one database, and a sign-off reads the whole
    // catalogue, so another file's new section mid-test would make it "not ready".
    fileParallelism: false,
    setupFiles: ["test/setup.ts"],
  },
});
