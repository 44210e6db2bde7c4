// Adds an indicator to the catalogue. The code is its identity in imports, exports and URLs, so it
// must be unique (in any letter case) and cannot be changed later.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { NewIndicatorInput } from "@/lib/catalogue/indicator-input";
import { snapshotIndicator } from "@/lib/catalogue/indicator-snapshot";

export const duplicateCode = (code: string) =>
  new AppError("VALIDATION", "There is a problem", { code: `There is already an indicator with the code ${code}: choose another code` });

export const missingSection = () =>
  new AppError("VALIDATION", "There is a problem", { sectionId: "Select a section: the one chosen no longer exists" });

export async function createIndicator(actor: SessionUser | null | undefined, input: NewIndicatorInput) {
  assertCan(actor, "indicator.manage");
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) throw missingSection();
      if (await tx.indicator.findFirst({ where: { code: { equals: input.code, mode: "insensitive" } }, select: { id: true } }))
        throw duplicateCode(input.code);
      const order = input.order ?? (await nextOrderInSection(tx, input.sectionId));
      const created = await tx.indicator.create({ data: { ...input, order } });
      await recordAudit(tx, actor, {
        action: "indicator.created",
        entityType: "Indicator",
        entityId: created.id,
        after: snapshotIndicator(created),
      });
      return created;
    });
  } catch (e) {
    // Two admins adding the same code at once: the unique index lets only one through.
    if (isUniqueViolation(e)) throw duplicateCode(input.code);
    throw e;
  }
}

export async function nextOrderInSection(tx: Tx, sectionId: string): Promise<number> {
  const { _max } = await tx.indicator.aggregate({ where: { sectionId }, _max: { order: true } });
  return (_max.order ?? 0) + 1;
}
