// The child population a month's rates per 10,000 divide by: the latest ONS mid-year estimate for a
// year not after the month's year (2019-08 uses 2019's figure, or 2018's until 2019's is entered).
// Not authorised here: the figure is published ONS data, and every caller (a rate worked out for a
// page or an export) has already checked who is asking.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isMonth } from "@/lib/validation/month";

export type PopulationForMonth = { year: number; count: number; source: string | null };

/** The row with the greatest year on or before the month's calendar year, or null when none is. */
export function choosePopulation<T extends { year: number }>(rows: readonly T[], month: string): T | null {
  const year = yearOf(month);
  let best: T | null = null;
  for (const row of rows) if (row.year <= year && (!best || row.year > best.year)) best = row;
  return best;
}

export async function findPopulationForMonth(month: string, client: Tx | typeof db = db): Promise<PopulationForMonth | null> {
  return client.childPopulation.findFirst({
    where: { year: { lte: yearOf(month) } },
    orderBy: { year: "desc" },
    select: { year: true, count: true, source: true },
  });
}

function yearOf(month: string): number {
  if (!isMonth(month)) throw new AppError("VALIDATION", `${month.slice(0, 20)} is not a month: use YYYY-MM, like 2019-09`);
  return Number(month.slice(0, 4));
}
