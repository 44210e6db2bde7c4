// Adds a comparator (such as England 2018-19) to an indicator.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { NewComparatorInput } from "@/lib/catalogue/comparator-input";
import { claimIndicatorVersion, readIndicatorForChange } from "@/lib/catalogue/claim-indicator-version";
import { assertComparatorIsNew, checkComparatorValue, comparatorSnapshot, duplicateComparator } from "@/lib/catalogue/comparator-rules";
import { isUniqueViolation } from "@/lib/errors";

export async function addComparator(actor: SessionUser | null | undefined, input: NewComparatorInput) {
  assertCan(actor, "indicator.manage");
  const { code, expectedUpdatedAt, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const indicator = await readIndicatorForChange(tx, code, expectedUpdatedAt);
      checkComparatorValue(fields.value, indicator.unit);
      await assertComparatorIsNew(tx, indicator.id, fields.label, fields.periodLabel);
      await claimIndicatorVersion(tx, indicator.id, expectedUpdatedAt);
      const created = await tx.comparator.create({ data: { indicatorId: indicator.id, ...fields } });
      await recordAudit(tx, actor, {
        action: "comparator.added",
        entityType: "Comparator",
        entityId: created.id,
        after: { code, ...comparatorSnapshot(created) },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateComparator(fields.label, fields.periodLabel);
    throw e;
  }
}
