// Links an indicator to one DfE measure (or unlinks it). Refused when unit or polarity disagree: a
// count compared with a rate, or "higher is better" with "lower is better", would mislead the panel.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { linkProblem } from "@/lib/national/suggest-measures";

export async function linkIndicatorMeasure(actor: SessionUser | null, input: { indicatorId: string; measureCode: string | null }) {
  assertCan(actor, "national.manage");
  return db.$transaction(async (tx) => {
    const indicator = await tx.indicator.findUnique({
      where: { id: input.indicatorId },
      select: { id: true, code: true, unit: true, polarity: true, nationalMeasureCode: true },
    });
    if (!indicator) throw new AppError("NOT_FOUND", "That indicator no longer exists");
    if (input.measureCode) {
      const measure = await tx.nationalMeasure.findUnique({
        where: { code: input.measureCode },
        select: { code: true, unit: true, polarity: true },
      });
      if (!measure)
        throw new AppError("VALIDATION", "There is a problem", {
          measureCode: `"${input.measureCode}" is not a DfE measure: import DfE's measure list first`,
        });
      const problem = linkProblem(indicator, measure);
      if (problem)
        throw new AppError("VALIDATION", "There is a problem", {
          measureCode: `${indicator.code} cannot be linked to ${measure.code}: ${problem}`,
        });
    }
    // Compare-and-set: a link changed by someone else since it was read is not overwritten silently.
    const changed = await tx.indicator.updateMany({
      where: { id: indicator.id, nationalMeasureCode: indicator.nationalMeasureCode },
      data: { nationalMeasureCode: input.measureCode },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Someone else changed this link. Reload the page.");
    await recordAudit(tx, actor, {
      action: "indicator.nationalMeasureLinked",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { measureCode: indicator.nationalMeasureCode },
      after: { measureCode: input.measureCode },
    });
    return { code: indicator.code, measureCode: input.measureCode };
  });
}
