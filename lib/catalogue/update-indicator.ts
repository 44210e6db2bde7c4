// Saves the details of an indicator. The code stays as it was (imports and exports rely on it);
// a change made since the editor opened the form is refused rather than silently overwritten.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { IndicatorChangeInput } from "@/lib/catalogue/indicator-input";
import { diffIndicator, snapshotIndicator } from "@/lib/catalogue/indicator-snapshot";
import { claimIndicatorVersion, readIndicatorForChange } from "@/lib/catalogue/claim-indicator-version";
import { missingSection, nextOrderInSection } from "@/lib/catalogue/create-indicator";

export type IndicatorUpdateOutcome = { changed: string[]; updatedAt: Date };

export async function updateIndicator(actor: SessionUser | null | undefined, input: IndicatorChangeInput): Promise<IndicatorUpdateOutcome> {
  assertCan(actor, "indicator.manage");
  const { code, expectedUpdatedAt, ...fields } = input;
  return db.$transaction(async (tx) => {
    const existing = await readIndicatorForChange(tx, code, expectedUpdatedAt);
    if (
      fields.sectionId !== existing.sectionId &&
      !(await tx.section.findUnique({ where: { id: fields.sectionId }, select: { id: true } }))
    ) {
      throw missingSection();
    }
    // A blank position keeps the current one, or goes to the end of a newly chosen section.
    const order =
      fields.order ?? (fields.sectionId === existing.sectionId ? existing.order : await nextOrderInSection(tx, fields.sectionId));
    const next = { ...fields, order };
    const { changed, before, after } = diffIndicator(snapshotIndicator(existing), snapshotIndicator({ ...existing, ...next }));
    if (changed.length === 0) return { changed, updatedAt: existing.updatedAt };
    const updatedAt = await claimIndicatorVersion(tx, existing.id, expectedUpdatedAt, next);
    await recordAudit(tx, actor, {
      action: "indicator.updated",
      entityType: "Indicator",
      entityId: existing.id,
      before: { code, ...before },
      after: { code, ...after },
    });
    return { changed, updatedAt };
  });
}
