// Integration tests run against the fresh database scripts/test.mjs made for this run.
if (!process.env.DATABASE_URL) {
  throw new Error("DATABASE_URL is not set: run the tests through npm test (or npm run test:unit), which starts a test database");
}
