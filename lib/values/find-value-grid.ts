// The value grid for a month: every active indicator by section with last month, the same month
// last year, this month's stored figure, the target in force, RAG and direction of travel, and
// whether this user may change the section's figures.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { addMonths } from "@/lib/format/dates";
import type { Polarity, Unit, ValueSource } from "@/lib/generated/prisma/enums";
import { judgeMonth, type MonthJudgement } from "@/lib/judgement/judge-month";
import { areFiguresEditable } from "@/lib/periods/period-lifecycle";
import { findPeriodByMonth } from "@/lib/periods/find-period";

export type Figure = { value: number | null; notAvailableReason: string | null };

export type GridRow = {
  indicatorId: string;
  code: string;
  name: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  lastMonth: Figure | null;
  lastYear: Figure | null;
  current:
    | (Figure & {
        revision: number;
        revisedAfterSubmission: boolean;
        updatedByName: string;
        updatedAt: Date;
        source: ValueSource;
        changes: number;
        computed: boolean;
      })
    | null;
  judgement: MonthJudgement;
};

export type GridSection = { id: string; name: string; slug: string; owners: string[]; canEdit: boolean; rows: GridRow[] };

export async function findValueGrid(user: SessionUser, month: string) {
  assertCan(user, "period.view");
  const period = await findPeriodByMonth(month);
  if (!period) return null;
  const months = { current: month, lastMonth: addMonths(month, -1), lastYear: addMonths(month, -12) };
  const [sections, values] = await Promise.all([
    db.section.findMany({
      orderBy: { order: "asc" },
      select: {
        id: true,
        name: true,
        slug: true,
        owners: { select: { userId: true, user: { select: { name: true } } } },
        indicators: {
          where: { active: true },
          orderBy: { order: "asc" },
          select: {
            id: true,
            code: true,
            name: true,
            unit: true,
            decimals: true,
            polarity: true,
            targets: { select: { fromMonth: true, target: true, tolerance: true } },
          },
        },
      },
    }),
    db.indicatorValue.findMany({
      where: { period: { month: { in: Object.values(months) } }, indicator: { active: true } },
      select: {
        indicatorId: true,
        value: true,
        notAvailableReason: true,
        revision: true,
        revisedAfterSubmission: true,
        updatedByName: true,
        updatedAt: true,
        source: true,
        provenance: true,
        period: { select: { month: true } },
        _count: { select: { revisions: true } },
      },
    }),
  ]);
  const byKey = new Map(values.map((v) => [`${v.indicatorId}@${v.period.month}`, v]));
  const figure = (indicatorId: string, m: string): Figure | null => {
    const v = byKey.get(`${indicatorId}@${m}`);
    return v ? { value: v.value, notAvailableReason: v.notAvailableReason } : null;
  };
  const editable = areFiguresEditable(period.status);
  const mayEdit = editable && can(user.role, "value.edit");

  const gridSections: GridSection[] = sections
    .filter((s) => s.indicators.length > 0)
    .map((s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      owners: s.owners.map((o) => o.user.name),
      canEdit:
        mayEdit &&
        canEditSection(
          user,
          s.owners.map((o) => o.userId),
        ),
      rows: s.indicators.map((ind) => {
        const cur = byKey.get(`${ind.id}@${month}`);
        const lastMonth = figure(ind.id, months.lastMonth);
        const lastYear = figure(ind.id, months.lastYear);
        return {
          indicatorId: ind.id,
          code: ind.code,
          name: ind.name,
          unit: ind.unit,
          decimals: ind.decimals,
          polarity: ind.polarity,
          lastMonth,
          lastYear,
          current: cur
            ? {
                value: cur.value,
                notAvailableReason: cur.notAvailableReason,
                revision: cur.revision,
                revisedAfterSubmission: cur.revisedAfterSubmission,
                updatedByName: cur.updatedByName,
                updatedAt: cur.updatedAt,
                source: cur.source,
                changes: cur._count.revisions,
                computed: cur.provenance !== null,
              }
            : null,
          judgement: judgeMonth(ind, {
            month,
            value: cur?.value ?? null,
            lastMonth: lastMonth?.value ?? null,
            lastYear: lastYear?.value ?? null,
            targets: ind.targets,
          }),
        };
      }),
    }));
  return { period, months, editable, sections: gridSections, canEditAny: gridSections.some((s) => s.canEdit) };
}

export type ValueGrid = NonNullable<Awaited<ReturnType<typeof findValueGrid>>>;
