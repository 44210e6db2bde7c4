// Changes an indicator's target and tolerance from a month onwards by adding a row to its target
// history. Earlier rows are never rewritten, so months before the chosen one are judged as before.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { addMonths, formatMonth } from "@/lib/format/dates";
import { checkValue } from "@/lib/values/validate-value";
import { targetInForce } from "@/lib/catalogue/target-in-force";
import type { TargetChangeInput } from "@/lib/catalogue/target-input";
import { claimIndicatorVersion, readIndicatorForChange } from "@/lib/catalogue/claim-indicator-version";
import { FROZEN_STATES } from "@/lib/periods/period-lifecycle";

const problem = (fieldErrors: Record<string, string>) => new AppError("VALIDATION", "There is a problem", fieldErrors);

/** The first month a target change may start from: after the last signed-off or published pack. */
export async function earliestTargetMonth(client: Tx | typeof db = db): Promise<string | null> {
  const frozen = await client.period.findFirst({
    where: { status: { in: [...FROZEN_STATES] } },
    orderBy: { month: "desc" },
    select: { month: true },
  });
  return frozen ? addMonths(frozen.month, 1) : null;
}

/**
 * The month the form offers first: the next month to be reported (after the last frozen pack), or
 * the earliest open month when nothing is frozen yet, or none (the boxes start empty). Never the
 * calendar's next month, which can be years after the months the council is reporting.
 */
export async function suggestedTargetMonth(client: Tx | typeof db = db): Promise<string | null> {
  const earliest = await earliestTargetMonth(client);
  if (earliest) return earliest;
  const open = await client.period.findFirst({ where: { status: "OPEN" }, orderBy: { month: "asc" }, select: { month: true } });
  return open?.month ?? null;
}

export async function changeIndicatorTarget(actor: SessionUser | null | undefined, input: TargetChangeInput) {
  assertCan(actor, "indicator.manage");
  try {
    return await db.$transaction(async (tx) => {
      const indicator = await readIndicatorForChange(tx, input.code, input.expectedUpdatedAt);
      const rules = { unit: indicator.unit, decimals: indicator.decimals };
      const errors: Record<string, string> = {};
      if (input.target !== null && indicator.polarity === "NEITHER") {
        errors.target =
          "This indicator has no better direction (its polarity is Neither), so a target cannot be judged. Change its polarity first, or leave the target blank";
      }
      for (const field of ["target", "tolerance"] as const) {
        const value = input[field];
        if (value === null || errors[field]) continue;
        const check = checkValue(String(value), rules);
        if (!check.ok) errors[field] = `The ${field} ${check.reason}`;
      }
      const earliest = await earliestTargetMonth(tx);
      if (earliest && input.fromMonth < earliest) {
        errors.fromMonth = `The pack for ${formatMonth(addMonths(earliest, -1))} is signed off, so a change can start from ${formatMonth(earliest)} at the earliest`;
      }
      const history = await tx.indicatorTarget.findMany({
        where: { indicatorId: indicator.id },
        select: { fromMonth: true, target: true, tolerance: true },
      });
      if (!errors.fromMonth && history.some((row) => row.fromMonth === input.fromMonth)) {
        errors.fromMonth = `There is already a change from ${formatMonth(input.fromMonth)}, and earlier changes are kept as they were. Choose another month`;
      }
      if (Object.keys(errors).length) throw problem(errors);

      // Nothing in force is the same as "no target": choosing no target then would record a change
      // that changes nothing, so it is refused like any other unchanged save.
      const previous = targetInForce(history, input.fromMonth);
      if ((previous?.target ?? null) === input.target && (previous?.tolerance ?? null) === input.tolerance) {
        throw problem(
          input.target === null
            ? { fromMonth: `Nothing was changed: there is already no target for ${formatMonth(input.fromMonth)}` }
            : {
                target: `Nothing was changed: the target and tolerance for ${formatMonth(input.fromMonth)} are already these. Change at least one`,
              },
        );
      }
      await claimIndicatorVersion(tx, indicator.id, input.expectedUpdatedAt);
      const row = await tx.indicatorTarget.create({
        data: {
          indicatorId: indicator.id,
          fromMonth: input.fromMonth,
          target: input.target,
          tolerance: input.tolerance,
          createdById: actor.id,
        },
      });
      await recordAudit(tx, actor, {
        action: "indicator.target.changed",
        entityType: "Indicator",
        entityId: indicator.id,
        periodMonth: input.fromMonth,
        before: previous ? { code: indicator.code, ...previous } : { code: indicator.code, target: null, tolerance: null },
        after: { code: indicator.code, fromMonth: row.fromMonth, target: row.target, tolerance: row.tolerance },
      });
      return row;
    });
  } catch (e) {
    // Two changes from the same month at once: the unique key lets only one through.
    if (isUniqueViolation(e))
      throw problem({ fromMonth: `There is already a change from ${formatMonth(input.fromMonth)}. Choose another month` });
    throw e;
  }
}
