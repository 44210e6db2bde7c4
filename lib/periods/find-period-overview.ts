// The period page: its status, how complete its figures are and where each section's commentary
// stands, so everyone sees what is left to do this month.
import "server-only";
import { findMissingMonthsNotice } from "@/lib/periods/find-missing-months";
import { db } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { CommentaryState } from "@/lib/commentary/workflow";
import { areFiguresEditable, isPeriodEditable } from "@/lib/periods/period-lifecycle";
import { findPeriodByMonth } from "@/lib/periods/find-period";
import { checkReadiness } from "@/lib/periods/readiness";
import { deadlinesFor, progressFromReadiness } from "@/lib/deadlines/find-deadlines";

export type ValuesProgress = { indicators: number; withValue: number; notAvailable: number; missing: number };

export async function findPeriodOverview(user: SessionUser, month: string) {
  assertCan(user, "period.view");
  const period = await findPeriodByMonth(month);
  if (!period) return null;
  const [indicators, values, sections, openedBy, readiness] = await Promise.all([
    db.indicator.count({ where: { active: true } }),
    db.indicatorValue.findMany({
      where: { periodId: period.id, indicator: { active: true } },
      select: { value: true, notAvailableReason: true, revisedAfterSubmission: true },
    }),
    db.section.findMany({
      orderBy: { order: "asc" },
      select: {
        id: true,
        name: true,
        slug: true,
        owners: { select: { user: { select: { name: true } } } },
        _count: { select: { indicators: { where: { active: true } } } },
        commentaries: { where: { periodId: period.id }, select: { status: true } },
      },
    }),
    period.openedById ? db.user.findUnique({ where: { id: period.openedById }, select: { name: true } }) : null,
    checkReadiness(period.id),
  ]);
  const withValue = values.filter((v) => v.value !== null).length;
  const notAvailable = values.filter((v) => v.value === null && v.notAvailableReason !== null).length;
  const editable = isPeriodEditable(period.status);
  const figuresEditable = areFiguresEditable(period.status);
  return {
    period,
    openedByName: openedBy?.name ?? null,
    readiness,
    deadlines: deadlinesFor(period, progressFromReadiness(readiness)),
    editable,
    values: { indicators, withValue, notAvailable, missing: Math.max(0, indicators - withValue - notAvailable) } satisfies ValuesProgress,
    revisedCount: values.filter((v) => v.revisedAfterSubmission).length,
    sections: sections.map((s) => ({
      name: s.name,
      slug: s.slug,
      indicators: s._count.indicators,
      owners: s.owners.map((o) => o.user.name),
      state: (s.commentaries[0]?.status ?? "NOT_STARTED") as CommentaryState,
    })),
    history: period.status === "HISTORY",
    missingNotice: await findMissingMonthsNotice(period.month),
    may: { import: figuresEditable && can(user.role, "value.import"), editValues: figuresEditable && can(user.role, "value.edit") },
  };
}

export type PeriodOverview = NonNullable<Awaited<ReturnType<typeof findPeriodOverview>>>;

/** "30 of 32 indicators have a value, 2 missing", with any marked not available named too. */
export function describeValuesProgress(p: ValuesProgress): string {
  const parts = [`${p.withValue} of ${p.indicators} indicator${p.indicators === 1 ? " has" : "s have"} a value`];
  if (p.notAvailable > 0) parts.push(`${p.notAvailable} marked not available`);
  parts.push(p.missing === 0 ? "none missing" : `${p.missing} missing`);
  return parts.join(", ");
}
