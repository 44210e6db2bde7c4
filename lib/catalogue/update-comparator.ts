// Changes a comparator's label, period, value, source or notes.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { ComparatorChangeInput } from "@/lib/catalogue/comparator-input";
import { claimIndicatorVersion, readIndicatorForChange } from "@/lib/catalogue/claim-indicator-version";
import { assertComparatorIsNew, checkComparatorValue, comparatorSnapshot, duplicateComparator } from "@/lib/catalogue/comparator-rules";

export const missingComparator = () => new AppError("NOT_FOUND", "This comparator has been removed since you opened it");

export async function updateComparator(actor: SessionUser | null | undefined, input: ComparatorChangeInput) {
  assertCan(actor, "indicator.manage");
  const { code, expectedUpdatedAt, id, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const indicator = await readIndicatorForChange(tx, code, expectedUpdatedAt);
      const existing = await tx.comparator.findFirst({ where: { id, indicatorId: indicator.id } });
      if (!existing) throw missingComparator();
      checkComparatorValue(fields.value, indicator.unit);
      await assertComparatorIsNew(tx, indicator.id, fields.label, fields.periodLabel, id);
      const before = comparatorSnapshot(existing);
      const after = comparatorSnapshot(fields);
      if (JSON.stringify(before) === JSON.stringify(after)) return existing;
      await claimIndicatorVersion(tx, indicator.id, expectedUpdatedAt);
      const updated = await tx.comparator.update({ where: { id }, data: fields });
      await recordAudit(tx, actor, {
        action: "comparator.updated",
        entityType: "Comparator",
        entityId: id,
        before: { code, ...before },
        after: { code, ...after },
      });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateComparator(fields.label, fields.periodLabel);
    throw e;
  }
}
