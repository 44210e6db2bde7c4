// Removes a comparator from an indicator; the audit log keeps what it said.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { ComparatorRemovalInput } from "@/lib/catalogue/comparator-input";
import { claimIndicatorVersion, readIndicatorForChange } from "@/lib/catalogue/claim-indicator-version";
import { comparatorSnapshot } from "@/lib/catalogue/comparator-rules";
import { missingComparator } from "@/lib/catalogue/update-comparator";

export async function removeComparator(actor: SessionUser | null | undefined, input: ComparatorRemovalInput) {
  assertCan(actor, "indicator.manage");
  return db.$transaction(async (tx) => {
    const indicator = await readIndicatorForChange(tx, input.code, input.expectedUpdatedAt);
    const existing = await tx.comparator.findFirst({ where: { id: input.id, indicatorId: indicator.id } });
    if (!existing) throw missingComparator();
    await claimIndicatorVersion(tx, indicator.id, input.expectedUpdatedAt);
    await tx.comparator.delete({ where: { id: existing.id } });
    await recordAudit(tx, actor, {
      action: "comparator.removed",
      entityType: "Comparator",
      entityId: existing.id,
      before: { code: input.code, ...comparatorSnapshot(existing) },
    });
    return existing;
  });
}
