// The one function that records and changes actions on exceptions: authorise (the indicator's
// section's leads, and administrators), check the period is still open and the section's
// commentary is with its lead (actions are reviewed with the commentary, so they wait while it is
// submitted or approved), then in one transaction compare-and-set on the version with an audit event.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { formatMonth } from "@/lib/format/dates";
import { assertPeriodEditable } from "@/lib/periods/period-lifecycle";
import { lockPeriod } from "@/lib/periods/lock-period";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { TRANSITIONS, STATE_LABEL } from "@/lib/commentary/workflow";
import { planActionChange } from "./action-workflow";
import { actionFieldErrors, changeActionInput, recordActionInput, type ChangeActionInput, type RecordActionInput } from "./action-input";
import { isShownIn } from "./actions-in-month";
import { isLiveException } from "./load-section-actions";
import { loadMonthFigures } from "@/lib/commentary/load-month-figures";

/** Whether the indicator is on the month's exceptions list, by the rule the section page and pack use. */
async function isOnListIn(indicatorId: string, month: string): Promise<boolean> {
  const [figure] = await loadMonthFigures({ id: indicatorId }, month);
  return Boolean(figure) && isLiveException(figure, month);
}

export const ACTION_CONFLICT =
  "Someone else changed this action while you were looking at it. Reload the page to see the latest, then try again.";

const validation = (fieldErrors: Record<string, string>) => new AppError("VALIDATION", "There is a problem", fieldErrors);

/** The indicator's section, checked for this user, and the month's commentary state, checked editable. */
async function authoriseFor(user: SessionUser, month: string, indicatorId: string) {
  const period = await getPeriodByMonth(month);
  const indicator = await db.indicator.findUnique({
    where: { id: indicatorId },
    select: {
      id: true,
      code: true,
      name: true,
      section: { select: { id: true, slug: true, name: true, owners: { select: { userId: true } } } },
    },
  });
  if (!indicator) throw new AppError("NOT_FOUND", "There is no such indicator");
  if (
    !canEditSection(
      user,
      indicator.section.owners.map((o) => o.userId),
    )
  )
    throw new AppError("FORBIDDEN", `Only the leads of ${indicator.section.name} can record its actions`);
  assertPeriodEditable(period);
  const commentary = await db.commentary.findUnique({
    where: { sectionId_periodId: { sectionId: indicator.section.id, periodId: period.id } },
    select: { status: true },
  });
  const state = commentary?.status ?? "NOT_STARTED";
  if (!TRANSITIONS.save.from.includes(state)) {
    throw new AppError(
      "INVALID_TRANSITION",
      `The ${indicator.section.name} commentary for ${formatMonth(month)} is ${STATE_LABEL[state].toLowerCase()}: its actions are reviewed with it and cannot change until it is returned or reopened`,
    );
  }
  return { period, indicator };
}

export async function recordExceptionAction(user: SessionUser | null, input: RecordActionInput) {
  assertCan(user, "exceptionAction.manage");
  const parsed = recordActionInput.safeParse(input);
  if (!parsed.success) throw validation(actionFieldErrors(parsed.error));
  const { month, code, description, ownerName, dueDate } = parsed.data;
  const found = await db.indicator.findUnique({ where: { code }, select: { id: true } });
  if (!found) throw validation({ code: `There is no indicator ${code}` });
  const { period, indicator } = await authoriseFor(user, month, found.id);
  const plan = planActionChange("NONE", "record");
  if (!plan.ok) throw new AppError("INVALID_TRANSITION", plan.message);
  return db.$transaction(async (tx) => {
    await lockPeriod(tx, period.id, "edit");
    const action = await tx.exceptionAction.create({
      data: {
        indicatorId: indicator.id,
        fromMonth: month,
        description,
        ownerName,
        dueDate: new Date(`${dueDate}T00:00:00Z`),
        status: plan.to,
        createdById: user.id,
        createdByName: user.name,
        updatedByName: user.name,
      },
    });
    await recordAudit(tx, user, {
      action: "exceptionAction.record",
      entityType: "ExceptionAction",
      entityId: action.id,
      periodMonth: month,
      after: { indicator: indicator.code, description, ownerName, dueDate, status: plan.to },
    });
    return action;
  });
}

export async function changeExceptionAction(user: SessionUser | null, input: ChangeActionInput) {
  assertCan(user, "exceptionAction.manage");
  const parsed = changeActionInput.safeParse(input);
  if (!parsed.success) throw validation(actionFieldErrors(parsed.error));
  const { month, id, expectedVersion, change, droppedReason, fields } = parsed.data;
  const action = await db.exceptionAction.findUnique({ where: { id } });
  if (!action) throw new AppError("NOT_FOUND", "That action does not exist");
  const { period, indicator } = await authoriseFor(user, month, action.indicatorId);
  if (!isShownIn(action, month))
    throw new AppError("INVALID_TRANSITION", `That action is not on the ${formatMonth(month)} exceptions list`);
  const plan = planActionChange(action.status, change);
  if (!plan.ok) throw new AppError("INVALID_TRANSITION", plan.message);
  // Once the indicator has left the list its actions are resolved: the pack shows them so, and
  // marking one done, dropping or editing it would say something the pack does not.
  if (change !== "reopen" && !(await isOnListIn(action.indicatorId, month)))
    throw new AppError(
      "INVALID_TRANSITION",
      `${indicator.name} is off the exceptions list for ${formatMonth(month)}: its actions are resolved and cannot be marked as done, dropped or changed`,
    );
  if (change === "drop" && !droppedReason) throw validation({ droppedReason: "Give the reason for dropping the action" });
  if (change === "edit" && !fields) throw validation({ description: "Enter what will be done" });
  if (action.version !== expectedVersion) throw new AppError("CONFLICT", ACTION_CONFLICT);

  const data = {
    status: plan.to,
    ...(change === "edit" && fields
      ? { description: fields.description, ownerName: fields.ownerName, dueDate: new Date(`${fields.dueDate}T00:00:00Z`) }
      : {}),
    ...(change === "complete" ? { closedMonth: month, droppedReason: null } : {}),
    ...(change === "drop" ? { closedMonth: month, droppedReason } : {}),
    // Reopened: carried again from this month, whatever an earlier sign-off ended.
    ...(change === "reopen" ? { closedMonth: null, endMonth: null, droppedReason: null } : {}),
  };
  return db.$transaction(async (tx) => {
    await lockPeriod(tx, period.id, "edit");
    const updated = await tx.exceptionAction.updateMany({
      where: { id, version: expectedVersion, status: action.status },
      data: { ...data, version: { increment: 1 }, updatedByName: user.name },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", ACTION_CONFLICT);
    await recordAudit(tx, user, {
      action: `exceptionAction.${change}`,
      entityType: "ExceptionAction",
      entityId: id,
      periodMonth: month,
      before: {
        status: action.status,
        description: action.description,
        ownerName: action.ownerName,
        dueDate: action.dueDate.toISOString().slice(0, 10),
        version: action.version,
      },
      after: {
        indicator: indicator.code,
        status: plan.to,
        version: action.version + 1,
        ...(droppedReason ? { droppedReason } : {}),
        ...(fields ? { ...fields } : {}),
      },
    });
    return { id, version: action.version + 1, status: plan.to };
  });
}
