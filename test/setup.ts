// Integration tests run against the fresh database scripts/test.mjs made for this run.
import { afterAll } from "vitest";

if (!process.env.DATABASE_URL) {
  throw new Error("DATABASE_URL is not set: run the tests through npm test (or npm run test:unit), which starts a test database");
}

// Test periods live in the far future (test/factories.ts uniqueMonth). A file's signed-off months
// must not constrain the files after it (a target may only change after the last signed-off pack),
// so each file removes them, with their values, commentary and packs, when it ends: only this
// worker's years, as a file in another worker may be running meanwhile.
afterAll(async () => {
  const { db } = await import("@/lib/db");
  const { workerYears } = await import("@/test/factories");
  const { from, to } = workerYears();
  // A file that moved to a database of its own (and dropped it) has nothing to clean here.
  await db.period.deleteMany({ where: { month: { gte: `${from}-01`, lte: `${to}-12` } } }).catch(() => {});
});
