// Removes one year's child population, for a figure entered against the wrong year: months from
// that year on then use the latest earlier year's figure. Audited with what was removed.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { ChildPopulationRemovalInput } from "@/lib/population/population-input";
import { lockPopulationYear, missingPopulationYear, snapshotPopulation } from "@/lib/population/population-rules";

export async function removeChildPopulation(actor: SessionUser | null | undefined, input: ChildPopulationRemovalInput) {
  assertCan(actor, "population.manage");
  return db.$transaction(async (tx) => {
    const before = await lockPopulationYear(tx, input.year);
    if (!before) throw missingPopulationYear(input.year);
    await tx.childPopulation.delete({ where: { year: input.year } });
    await recordAudit(tx, actor, {
      action: "population.removed",
      entityType: "ChildPopulation",
      entityId: String(input.year),
      before: snapshotPopulation(before),
    });
    return snapshotPopulation(before);
  });
}
