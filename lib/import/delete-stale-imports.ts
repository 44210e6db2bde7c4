// Uploads that were never confirmed (still pending, or set aside) are deleted after a day: each keeps
// every row of its file, so a morning of trial uploads would otherwise hold tens of megabytes for good.
// Run before each new upload is stored, so the table never holds more than a day of them.
import "server-only";
import { db } from "@/lib/db";

export const UNCONFIRMED_IMPORT_LIFETIME_HOURS = 24;

/** Deletes unconfirmed batches older than the lifetime; returns how many went. */
export async function deleteStaleImports(now = new Date()): Promise<number> {
  const edge = new Date(now.getTime() - UNCONFIRMED_IMPORT_LIFETIME_HOURS * 3_600_000);
  const { count } = await db.importBatch.deleteMany({ where: { status: { in: ["PENDING", "DISCARDED"] }, createdAt: { lt: edge } } });
  return count;
}
