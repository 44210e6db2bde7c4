// The one Prisma client. Only lib/ imports it. DATABASE_URL is set by scripts/with-db.mjs (embedded
// PostgreSQL) or by the operator; a missing or malformed value fails with one line naming it.
import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Debug as adapterDebug } from "@prisma/driver-adapter-utils";
import { Debug as clientDebug } from "@prisma/client/runtime/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/config/database-url";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool; forgetPrismaDebugLog?: () => void };

function createClient(): PrismaClient {
  // The pool is ours, handed to Prisma, so that executeLarge below sends on the same connections.
  // allowExitOnIdle: a script that has finished exits without waiting for idle connections to time out.
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5000,
    allowExitOnIdle: true,
  });
  globalForPrisma.pool = pool;
  // $disconnect ends the pool, as it ends a pool the adapter makes itself.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Kept with the client, so it reaches the log of the very modules this client uses (a Next build can
  // hold more than one copy of them, one per bundle).
  globalForPrisma.forgetPrismaDebugLog = () => {
    const fromClient = clientDebug("scrutiny-pack:forget");
    const fromAdapter = adapterDebug("scrutiny-pack:forget");
    for (let i = 0; i < PRISMA_DEBUG_LOG_ENTRIES; i++) {
      fromClient("-");
      fromAdapter("-");
    }
  };
  return new PrismaClient({ adapter });
}

function client(): PrismaClient {
  // After $disconnect the pool is ended: the next query gets a new client and pool, still one pair.
  if (!globalForPrisma.prisma || globalForPrisma.pool?.ending) globalForPrisma.prisma = createClient();
  return globalForPrisma.prisma;
}

/** @prisma/debug keeps this many of its latest calls, arguments and all, in memory. */
const PRISMA_DEBUG_LOG_ENTRIES = 100;

/**
 * Lets go of the arguments of the queries just run. Prisma's debug module keeps its last 100 calls
 * with their arguments for error reports, even with DEBUG off, and both the query plan and the
 * adapter's query are logged with every parameter: a 24 MB import preview sent as one parameter
 * stayed in memory twice over until a hundred other queries pushed it out (measured: the server grew
 * by 48 MB per upload). Called after the transactions that send megabytes (an import's confirmation,
 * DfE's figures); a statement on its own uses executeLarge instead. Cheap: 200 tiny entries.
 */
export function forgetQueryArguments(): void {
  globalForPrisma.forgetPrismaDebugLog?.();
}

// Created on first use, so building the app and importing modules need no database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = client();
    const value: unknown = Reflect.get(real, prop, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * One statement whose parameters run to megabytes (an upload's preview, stored as one jsonb), sent by
 * pg itself on Prisma's pool; the number of rows it changed. Prisma passes a raw query's parameters
 * through JSON and back and into its debug log: measured, a 15 MB parameter cost 80 MB of memory
 * through $executeRaw and 29 MB through pg. Only for a statement on its own, outside a transaction;
 * everything else goes through Prisma.
 */
export async function executeLarge(sql: string, params: unknown[]): Promise<number> {
  client();
  const result = await globalForPrisma.pool!.query(sql, params);
  return result.rowCount ?? 0;
}
