// The section page's actions on exceptions for a month: the section's indicators on the live
// exceptions list (judged by the same rule as the pack), the actions carried to this month, and
// actions on indicators that have left the list, shown as resolved.
import "server-only";
import { db } from "@/lib/db";
import { judgeMonth } from "@/lib/judgement";
import { isException } from "@/lib/judgement/exception";
import { isSuppressed } from "@/lib/judgement/suppression";
import type { Polarity, Unit } from "@/lib/generated/prisma/enums";
import { isShownIn, monthsOnList, type StoredAction } from "./actions-in-month";
import { exceptionSinceFor } from "./snapshot-actions";
import { isActionOverdue } from "./action-overdue";
import { deadlineToday } from "@/lib/deadlines/find-deadlines";

type LiveFigure = {
  id: string;
  code: string;
  name: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  suppressSmallNumbers: boolean;
  current: number | null;
  previous: number | null;
  lastYear: number | null;
  target: number | null;
  tolerance: number | null;
};

export type SectionException = {
  code: string;
  name: string;
  /** On this month's exceptions list (false: it has left the list, its actions are resolved). */
  exception: boolean;
  since: string;
  months: number;
  actions: (StoredAction & { carried: boolean; overdue: boolean })[];
};

export function isLiveException(f: LiveFigure, month: string): boolean {
  if (isSuppressed(f.current, f) || isSuppressed(f.previous, f) || isSuppressed(f.lastYear, f)) return false;
  const j = judgeMonth(f, {
    month,
    value: f.current,
    lastMonth: f.previous,
    lastYear: f.lastYear,
    targets: f.target === null ? [] : [{ fromMonth: month, target: f.target, tolerance: f.tolerance }],
  });
  return isException(j);
}

export async function loadSectionExceptions(month: string, figures: LiveFigure[], today = deadlineToday()): Promise<SectionException[]> {
  const stored = await db.exceptionAction.findMany({
    where: { indicatorId: { in: figures.map((f) => f.id) }, fromMonth: { lte: month } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  const shown = stored.filter((a) => isShownIn(a, month));
  const live = figures.filter((f) => isLiveException(f, month));
  const since = await exceptionSinceFor(
    db,
    month,
    live.map((f) => f.code),
  );
  return figures
    .map((f) => {
      const exception = live.includes(f);
      const actions = shown
        .filter((a) => a.indicatorId === f.id)
        .map((a) => ({ ...a, carried: a.fromMonth < month, overdue: isActionOverdue(a, today, !exception) }));
      const from = since.get(f.code) ?? month;
      return { code: f.code, name: f.name, exception, since: from, months: monthsOnList(from, month), actions };
    })
    .filter((e) => e.exception || e.actions.length > 0);
}
