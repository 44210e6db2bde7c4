// Replaces the test database with a fresh copy of the demo council before the browser tests: a copy of
// the demo template (test/demo-template.ts), which is built first if this server has none for this code.
import pg from "pg";
import { createDemoDatabase } from "../test/demo-template";

/** Why the database must not be replaced, or null: as the demo seed, refused with accounts that are not under .example. */
async function findRefusal(url: string): Promise<string | null> {
  if (process.env.NODE_ENV === "production")
    return "The browser tests load the demo council, whose passwords are published: not with NODE_ENV=production.";
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    if (!(await c.query<{ t: string | null }>(`SELECT to_regclass('"User"') AS t`)).rows[0].t) return null;
    const others = await c.query<{ email: string }>(`SELECT email FROM "User" WHERE email NOT LIKE '%.example' ORDER BY email LIMIT 3`);
    if (!others.rowCount) return null;
    return `Refusing to replace a database holding accounts that are not test accounts (for example ${others.rows.map((r) => r.email).join(", ")}).`;
  } finally {
    await c.end();
  }
}

export default async function globalSetup() {
  const started = performance.now();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the browser tests through npm test");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to reset a database on ${host}: browser tests only run on a local database`);
  }
  const refusal = await findRefusal(url);
  if (refusal) throw new Error(refusal);
  // The app server is already up (Playwright starts it before this): its connections to the old database
  // are ended, and its pool connects to the copy at the next request.
  const copy = await createDemoDatabase(url, { replace: true, log: (line) => console.log(line) });
  const built = copy.buildSeconds === null ? "reused" : `built in ${copy.buildSeconds} s`;
  const total = Math.round((performance.now() - started) / 100) / 10;
  console.log(`Demo council loaded from ${copy.template} (${built}; copied in ${copy.copySeconds} s): global setup ${total} s`);
}
