// The periods page: every month opened, newest first, with how many of its figures are in.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { addMonths, currentMonth } from "@/lib/format/dates";

export type PeriodListItem = {
  month: string;
  /** null for a history month. */
  panelMeetingDate: Date | null;
  status: PeriodStatus;
  /** Active indicators with a figure this month. */
  withValue: number;
  /** Active indicators marked "not available" with a reason. */
  notAvailable: number;
  /** Active indicators today. */
  indicators: number;
};

export async function listPeriods(user: SessionUser): Promise<PeriodListItem[]> {
  assertCan(user, "period.view");
  const [periods, indicators, withValue, notAvailable] = await Promise.all([
    db.period.findMany({ orderBy: { month: "desc" }, select: { id: true, month: true, panelMeetingDate: true, status: true } }),
    db.indicator.count({ where: { active: true } }),
    db.indicatorValue.groupBy({ by: ["periodId"], where: { indicator: { active: true }, value: { not: null } }, _count: { _all: true } }),
    db.indicatorValue.groupBy({
      by: ["periodId"],
      where: { indicator: { active: true }, value: null, notAvailableReason: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const countFor = (rows: typeof withValue, id: string) => rows.find((r) => r.periodId === id)?._count._all ?? 0;
  return periods.map((p) => ({
    month: p.month,
    panelMeetingDate: p.panelMeetingDate,
    status: p.status,
    withValue: countFor(withValue, p.id),
    notAvailable: countFor(notAvailable, p.id),
    indicators,
  }));
}

/** The month the "Open a period" form suggests: the one after the newest, if it has started. */
export function suggestNextMonth(newest: string | undefined, now = new Date()): string {
  const latest = currentMonth(now);
  if (!newest) return addMonths(latest, -1);
  const next = addMonths(newest, 1);
  return next <= latest ? next : "";
}
