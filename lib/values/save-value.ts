// One figure typed into the value grid: the administrator, or a service lead in a section they own,
// sets a month's value (or marks it not available with a reason). Compare-and-set on the revision
// the editor saw, so of two people saving the same cell at once the second is told, not overwritten.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isAppError } from "@/lib/errors";
import { formatValue } from "@/lib/judgement/format-number";
import { assertFiguresEditable } from "@/lib/periods/period-lifecycle";
import { lockPeriod } from "@/lib/periods/lock-period";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { applyValueChange, type ValueChangeOutcome } from "@/lib/values/apply-value-change";
import { checkValue, MAX_REASON_LENGTH } from "@/lib/values/validate-value";

export type SaveValueInput = {
  month: string;
  indicatorId: string;
  /** The revision shown when the editor started (0 when there was no value). */
  expectedRevision: number;
  /** The typed figure; ignored when notAvailable is true. */
  value?: string | null;
  notAvailable?: boolean;
  notAvailableReason?: string | null;
};

export type StoredValue = {
  value: number | null;
  notAvailableReason: string | null;
  revision: number;
  revisedAfterSubmission: boolean;
  updatedByName: string;
  updatedAt: Date;
};

/** A conflict that also carries what is stored now, so the editor can compare and save again. */
export class ValueConflictError extends AppError {
  constructor(
    message: string,
    public readonly current: (StoredValue & { display: string }) | null,
  ) {
    super("CONFLICT", message, { value: message });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (field: string, message: string) => new AppError("VALIDATION", "There is a problem", { [field]: message });

export async function saveValue(actor: SessionUser | null, input: SaveValueInput): Promise<StoredValue & { outcome: ValueChangeOutcome }> {
  assertCan(actor, "value.edit");
  const period = await getPeriodByMonth(input.month);
  const indicator = UUID.test(input.indicatorId)
    ? await db.indicator.findUnique({
        where: { id: input.indicatorId },
        include: { section: { select: { name: true, owners: { select: { userId: true } } } } },
      })
    : null;
  if (!indicator || !indicator.active) throw new AppError("NOT_FOUND", "There is no such indicator");
  // Ownership is read here, from the database: whatever the form says, a lead edits only their sections.
  if (
    !canEditSection(
      actor,
      indicator.section.owners.map((o) => o.userId),
    )
  ) {
    throw new AppError("FORBIDDEN", `You cannot change figures in ${indicator.section.name}: only its owners and administrators can`);
  }
  assertFiguresEditable(period);

  let value: number | null = null;
  let notAvailableReason: string | null = null;
  if (input.notAvailable) {
    notAvailableReason = (input.notAvailableReason ?? "").trim();
    if (!notAvailableReason) throw invalid("notAvailableReason", `Enter why the figure for ${indicator.name} is not available`);
    if (notAvailableReason.length > MAX_REASON_LENGTH)
      throw invalid("notAvailableReason", `The reason for ${indicator.name} must be ${MAX_REASON_LENGTH} characters or fewer`);
  } else {
    const checked = checkValue(input.value, indicator);
    if (!checked.ok) {
      throw invalid(
        "value",
        checked.reason === "Enter a value"
          ? `Enter a value for ${indicator.name}, or mark it not available`
          : `${indicator.name}: ${checked.reason}`,
      );
    }
    value = checked.value;
  }
  if (!Number.isInteger(input.expectedRevision) || input.expectedRevision < 0)
    throw invalid("value", "Reload the page and enter the figure again");

  try {
    return await db.$transaction(async (tx) => {
      // Hold the period's row while we write, so a sign-off cannot freeze the pack between our
      // check and our commit (it waits for us, or we see its new status and stop).
      const locked = await lockPeriod(tx, period.id, "figures");
      const key = { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } };
      const before = await tx.indicatorValue.findUnique({ where: key });
      const { outcome } = await applyValueChange(
        tx,
        actor,
        {
          indicatorId: indicator.id,
          periodId: period.id,
          value,
          notAvailableReason,
          source: "ENTRY",
          expectedRevision: input.expectedRevision,
        },
        locked.commentaryFirstSubmittedAt,
      );
      const after = await tx.indicatorValue.findUniqueOrThrow({ where: key });
      if (outcome !== "unchanged") {
        await recordAudit(tx, actor, {
          action: "value.changed",
          entityType: "IndicatorValue",
          entityId: after.id,
          periodMonth: period.month,
          before: before
            ? { indicator: indicator.code, value: before.value, notAvailableReason: before.notAvailableReason, revision: before.revision }
            : null,
          after: {
            indicator: indicator.code,
            value: after.value,
            notAvailableReason: after.notAvailableReason,
            revision: after.revision,
            revisedAfterSubmission: after.revisedAfterSubmission,
          },
        });
      }
      return { outcome, ...stored(after) };
    });
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") {
      const current = await db.indicatorValue.findUnique({
        where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } },
      });
      const display = current
        ? current.value !== null
          ? formatValue(current.value, indicator)
          : `not available (${current.notAvailableReason ?? "no reason given"})`
        : "";
      throw new ValueConflictError(`${indicator.name}: ${e.message}`, current ? { ...stored(current), display } : null);
    }
    throw e;
  }
}

function stored(row: StoredValue): StoredValue {
  return {
    value: row.value,
    notAvailableReason: row.notAvailableReason,
    revision: row.revision,
    revisedAfterSubmission: row.revisedAfterSubmission,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
  };
}
