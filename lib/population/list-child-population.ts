// The child population as the administrator manages it: every year, newest first, and one year.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

export async function listChildPopulation(actor: SessionUser | null | undefined) {
  assertCan(actor, "population.manage");
  return db.childPopulation.findMany({
    orderBy: { year: "desc" },
    select: { year: true, count: true, source: true, updatedByName: true, updatedAt: true },
  });
}

export type ChildPopulationRow = Awaited<ReturnType<typeof listChildPopulation>>[number];

/** One year's figure, for the page that confirms its removal; null when the year has none. */
export async function findChildPopulationYear(actor: SessionUser | null | undefined, year: number) {
  assertCan(actor, "population.manage");
  if (!Number.isInteger(year)) return null;
  return db.childPopulation.findUnique({
    where: { year },
    select: { year: true, count: true, source: true, updatedByName: true, updatedAt: true },
  });
}
