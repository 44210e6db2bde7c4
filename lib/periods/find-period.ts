// Periods are addressed by month (YYYY-MM) in URLs and imports.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isMonth, formatMonth } from "@/lib/format/dates";

export async function findPeriodByMonth(month: string, client: Tx | typeof db = db) {
  if (!isMonth(month)) return null;
  return client.period.findUnique({ where: { month } });
}

export async function getPeriodByMonth(month: string, client: Tx | typeof db = db) {
  const period = await findPeriodByMonth(month, client);
  if (!period) throw new AppError("NOT_FOUND", `There is no period for ${isMonth(month) ? formatMonth(month) : month}`);
  return period;
}
