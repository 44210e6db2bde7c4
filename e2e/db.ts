// Direct reads and writes of this worker's test database, for setting up cases and checking what was stored.
import pg from "pg";
import { thisWorker } from "./worker-servers";

let pool: pg.Pool | undefined;

export function testDb(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: thisWorker().DATABASE_URL, max: 2 });
  return pool;
}

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await testDb().query<T>(sql, params)).rows;
}

export async function one<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const rows = await query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0];
}
