// For tests of the per-process caches: the LISTEN connection started (and a clear failure if it cannot
// be), and a second connection of the test's own, as another server would hold one.
import pg from "pg";
import { startInvalidationListener } from "@/lib/cache/invalidation";

export async function listenOrFail(): Promise<void> {
  const { listening, error } = await startInvalidationListener();
  if (!listening) throw new Error(`The cache listener did not start: ${error}`);
}

/** A connection to the test's database of its own: end it when done. */
export async function otherConnection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}
