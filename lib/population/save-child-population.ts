// Adds or changes one year's child population (an ONS mid-year estimate). A save that changes
// nothing writes and audits nothing; otherwise the row and its audit event go in one transaction.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/errors";
import type { ChildPopulationFigures } from "@/lib/population/population-input";
import { checkPopulationFigures, lockPopulationYear, populationConflict, snapshotPopulation } from "@/lib/population/population-rules";

export type PopulationSaveOutcome = { year: number; count: number; source: string | null; outcome: "added" | "changed" | "unchanged" };

export async function saveChildPopulation(
  actor: SessionUser | null | undefined,
  input: ChildPopulationFigures,
): Promise<PopulationSaveOutcome> {
  assertCan(actor, "population.manage");
  const next = checkPopulationFigures(input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockPopulationYear(tx, next.year);
      if (before && before.count === next.count && before.source === next.source) return { ...next, outcome: "unchanged" as const };
      const data = { count: next.count, source: next.source, updatedById: actor.id, updatedByName: actor.name };
      // Created when the year is new; a save of the same new year at the same moment fails on the key (below).
      if (before) await tx.childPopulation.update({ where: { year: next.year }, data });
      else await tx.childPopulation.create({ data: { year: next.year, ...data } });
      await recordAudit(tx, actor, {
        action: "population.saved",
        entityType: "ChildPopulation",
        entityId: String(next.year),
        before: before ? snapshotPopulation(before) : undefined,
        after: snapshotPopulation(next),
      });
      return { ...next, outcome: before ? ("changed" as const) : ("added" as const) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw populationConflict(next.year);
    throw e;
  }
}
