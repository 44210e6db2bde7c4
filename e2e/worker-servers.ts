// Each Playwright worker has an app server and a database of its own, so specs that change the demo
// council never meet another worker's changes, and two workers can run at once. Worker N (Playwright's
// parallel index) gets the port E2E_PORT + 20 N (its second server, in e2e/two-servers.spec.ts, on that
// + 10; its SMTP catcher on that + 1000) and the database `<test database>_w<N>`, a copy of the demo
// council. The global setup makes the copies and starts the servers (e2e/global-setup.ts); a spec
// finds its own with thisWorker().
//
// Worked out where needed rather than written into `process.env`: Playwright hands what a project's
// workers changed there to the workers of the projects that depend on it (the journey's), which may
// have the other slot.

import { databaseOf, withDatabase } from "../test/database-url";

/** The slot's port stride: room for its second server (+10) below the next slot's. */
const PORT_STRIDE = 20;

/** This worker's slot: Playwright sets TEST_PARALLEL_INDEX in a worker before it loads anything; 0 in the runner. */
export const workerSlot = () => Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/** The port of worker `slot`'s app server. */
export const workerPort = (slot = workerSlot()) => Number(process.env.E2E_PORT ?? 3100) + PORT_STRIDE * slot;

/** What worker `slot`'s server reads, and its spec needs: its port, database, public address and SMTP port. */
export function workerEnvironment(slot: number) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run the browser tests through npm test");
  const port = workerPort(slot);
  return {
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    SMTP_PORT: String(port + 1000),
    DATABASE_URL: withDatabase(base, `${databaseOf(base)}_w${slot}`),
  };
}

/** This worker's server and database. */
export const thisWorker = () => workerEnvironment(workerSlot());
