// Opening a month for figures and commentary: the administrator's first step each month. Refuses
// future months and a month opened twice (also when two administrators open it at once).
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { addMonths, currentMonth, formatDate, formatMonth } from "@/lib/format/dates";
import { openPeriodInput, type OpenPeriodInput } from "@/lib/periods/open-period-input";
import { EARLIEST_MONTH } from "@/lib/periods/month-range";

export { EARLIEST_MONTH };
/** How long after the month ends its panel may meet. */
export const LATEST_MEETING_MONTHS = 12;

const invalid = (field: "month" | "panelMeetingDate", message: string) =>
  new AppError("VALIDATION", "There is a problem", { [field]: message });
const alreadyOpen = (month: string) => invalid("month", `${formatMonth(month)} has already been opened`);

export async function openPeriod(actor: SessionUser | null, input: OpenPeriodInput, now = new Date()) {
  assertCan(actor, "period.open");
  const parsed = openPeriodInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new AppError("VALIDATION", "There is a problem", fieldErrors);
  }
  const { month, panelMeetingDate } = parsed.data;

  if (month > currentMonth(now))
    throw invalid("month", `${formatMonth(month)} has not started yet: the latest month you can open is ${formatMonth(currentMonth(now))}`);
  if (month < EARLIEST_MONTH) throw invalid("month", `Month must be ${formatMonth(EARLIEST_MONTH)} or later`);
  const monthAfter = `${addMonths(month, 1)}-01`;
  const latest = `${addMonths(month, LATEST_MEETING_MONTHS + 1)}-01`;
  if (panelMeetingDate < monthAfter)
    throw invalid("panelMeetingDate", `Panel meeting date must be after ${formatMonth(month)} ends, on or after ${formatDate(monthAfter)}`);
  if (panelMeetingDate >= latest)
    throw invalid(
      "panelMeetingDate",
      `Panel meeting date must be within ${LATEST_MEETING_MONTHS} months of the end of ${formatMonth(month)}`,
    );

  if (await db.period.findUnique({ where: { month }, select: { id: true } })) throw alreadyOpen(month);
  try {
    return await db.$transaction(async (tx) => {
      const period = await tx.period.create({
        data: { month, panelMeetingDate: new Date(`${panelMeetingDate}T00:00:00Z`), status: "OPEN", openedById: actor.id },
      });
      await recordAudit(tx, actor, {
        action: "period.opened",
        entityType: "Period",
        entityId: period.id,
        periodMonth: month,
        after: { month, panelMeetingDate, status: period.status },
      });
      return period;
    });
  } catch (e) {
    // Another administrator opened the same month between our check and our insert.
    if (isUniqueViolation(e)) throw alreadyOpen(month);
    throw e;
  }
}
