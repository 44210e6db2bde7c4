// What saving and removing a year's figure share: the checks a direct call keeps too, and reading
// the year's row locked, so the audit's "before" is what the change replaced.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/action-result";
import { childPopulationFigures, type ChildPopulationFigures } from "@/lib/population/population-input";

export type StoredPopulation = { year: number; count: number; source: string | null };

export function checkPopulationFigures(input: ChildPopulationFigures): ChildPopulationFigures {
  const parsed = childPopulationFigures.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "There is a problem", zodFieldErrors(parsed.error));
  return parsed.data;
}

/** The year's row, locked until the transaction ends (FOR UPDATE), or null when there is none. */
export async function lockPopulationYear(tx: Tx, year: number): Promise<StoredPopulation | null> {
  const rows = await tx.$queryRaw<
    StoredPopulation[]
  >`SELECT "year", "count", "source" FROM "ChildPopulation" WHERE "year" = ${year} FOR UPDATE`;
  return rows[0] ?? null;
}

export const populationConflict = (year: number) =>
  new AppError(
    "CONFLICT",
    `Someone else saved a figure for ${year} at the same time, so yours has not been saved. Check the figure now shown, then save again if it is still wrong.`,
  );

export const missingPopulationYear = (year: number) =>
  new AppError("NOT_FOUND", `There is no figure for ${year}: it may have been removed already`);

export const snapshotPopulation = (p: StoredPopulation) => ({ year: p.year, count: p.count, source: p.source });
