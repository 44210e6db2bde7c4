// Whether the database answers, for /api/health.
import "server-only";
import { db } from "@/lib/db";

export async function checkDatabase(timeoutMs = 3000): Promise<boolean> {
  try {
    await Promise.race([db.$queryRaw`select 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs))]);
    return true;
  } catch {
    return false;
  }
}
