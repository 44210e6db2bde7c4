// Forces the interleaving a concurrency test is about, instead of hoping for it: a second connection
// holds a row lock while every contender reads, passes its checks and queues behind the lock; then it
// lets them all go at once.
import pg from "pg";

export type HeldLock = {
  /** Resolves once `n` backends are waiting behind the held lock (directly, or behind another waiter). */
  waitForWaiters(n: number): Promise<void>;
  /** Ends the holding transaction, so the waiters go on. */
  release(): Promise<void>;
};

const connect = async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
};

/** Runs `lockQuery` (a SELECT ... FOR UPDATE or the like, which must lock exactly one row) in an open transaction. */
export async function holdRowLock(lockQuery: string, params: unknown[] = []): Promise<HeldLock> {
  const holder = await connect();
  await holder.query("BEGIN");
  const { rowCount } = await holder.query(lockQuery, params);
  if (rowCount !== 1) {
    await holder.end();
    throw new Error(`holdRowLock: ${lockQuery} locked ${rowCount} rows, not 1`);
  }
  const pid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  let released = false;
  return {
    async waitForWaiters(n) {
      // Asked from a third connection, one statement per transaction: pg_stat_activity is read once
      // per transaction, so the holder's own (still open) transaction would keep seeing the first look.
      // Waiters on one row queue behind the first of them, so the chain back to the holder is followed.
      const watcher = await connect();
      try {
        for (let i = 0; i < 400; i++) {
          const { rows } = await watcher.query<{ n: number }>(
            `
            WITH RECURSIVE behind(pid) AS (
              SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))
              UNION
              SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY(pg_blocking_pids(a.pid))
            ) SELECT count(*)::int AS n FROM behind`,
            [pid],
          );
          if (rows[0].n >= n) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error(`holdRowLock: ${n} waiters never queued behind the held lock`);
      } finally {
        await watcher.end();
      }
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await holder.query("COMMIT");
      } finally {
        await holder.end();
      }
    },
  };
}
