// Actions on exceptions as a pack states them, inside the snapshot's transaction: each exception
// gets the actions carried to this month and the month it joined the list; an indicator that has
// left the list gets its actions once more, as resolved. Sign-off then ends what it showed for the
// last time, so the next month no longer carries them.
import "server-only";
import type { db, Tx } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import type { SnapshotAction, SnapshotIndicator, SnapshotSection } from "@/lib/pack/snapshot/snapshot-types";
import { isShownIn, type StoredAction } from "./actions-in-month";
import { isActionOverdue } from "./action-overdue";

/** How far back "on the list since" looks through earlier packs (older ones predate actions). */
const SINCE_LOOKBACK_MONTHS = 36;

const toSnapshot = (a: StoredAction): SnapshotAction => ({
  description: a.description,
  ownerName: a.ownerName,
  dueDate: a.dueDate.toISOString().slice(0, 10),
  status: a.status,
  droppedReason: a.droppedReason,
  fromMonth: a.fromMonth,
});

type PackIndicator = Pick<SnapshotIndicator, "code" | "exception" | "exceptionSince">;

/** The latest signed-off pack of a month, its indicators by code (null when the month has none). */
async function signedIndicators(tx: Tx | typeof db, month: string): Promise<Map<string, PackIndicator> | null> {
  const pack = await tx.packVersion.findFirst({
    where: { period: { month }, supersededById: null },
    orderBy: { version: "desc" },
    select: { snapshot: true },
  });
  if (!pack) return null;
  const sections = (pack.snapshot as { sections?: { indicators: PackIndicator[] }[] }).sections ?? [];
  return new Map(sections.flatMap((s) => s.indicators.map((i) => [i.code, i] as const)));
}

/** The month each of `codes` joined the exceptions list, reading back through signed-off packs. */
export async function exceptionSinceFor(tx: Tx | typeof db, month: string, codes: string[]): Promise<Map<string, string>> {
  const since = new Map(codes.map((c) => [c, month]));
  let open = new Set(codes);
  for (let m = addMonths(month, -1), n = 0; open.size > 0 && n < SINCE_LOOKBACK_MONTHS; m = addMonths(m, -1), n++) {
    const pack = await signedIndicators(tx, m);
    if (!pack) break;
    const still = new Set<string>();
    for (const code of open) {
      const ind = pack.get(code);
      if (!ind?.exception) continue;
      if (ind.exceptionSince)
        since.set(code, ind.exceptionSince); // the chain is written down: stop here
      else {
        since.set(code, m);
        still.add(code);
      }
    }
    open = still;
  }
  return since;
}

/** Adds actions and "on the list since" to the snapshot's indicators; returns the ids this pack shows for the last time. */
export async function attachExceptionActions(
  tx: Tx | typeof db,
  month: string,
  sections: SnapshotSection[],
  indicatorIds: Map<string, string>,
): Promise<string[]> {
  const ids = [...indicatorIds.values()];
  const stored = await tx.exceptionAction.findMany({
    where: { indicatorId: { in: ids }, fromMonth: { lte: month } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  const shown = stored.filter((a) => isShownIn(a, month));
  const exceptions = sections.flatMap((s) => s.indicators.filter((i) => i.exception).map((i) => i.code));
  const since = await exceptionSinceFor(tx, month, exceptions);
  const last: string[] = [];
  for (const ind of sections.flatMap((s) => s.indicators)) {
    const mine = shown.filter((a) => a.indicatorId === indicatorIds.get(ind.code));
    if (ind.exception) {
      ind.exceptionSince = since.get(ind.code) ?? month;
      ind.actions = mine.map(toSnapshot);
      last.push(...mine.filter((a) => a.status !== "OPEN").map((a) => a.id));
    } else if (mine.length) {
      ind.resolvedActions = mine.map(toSnapshot);
      last.push(...mine.map((a) => a.id));
    }
  }
  return last;
}

/**
 * At sign-off, with the period locked: the actions this pack showed for the last time (resolved,
 * or done or dropped this month) end with it, so the next month no longer carries them.
 */
export async function endActionsShownLast(tx: Tx, month: string, sections: SnapshotSection[]): Promise<number> {
  const indicators = await tx.indicator.findMany({
    where: { code: { in: sections.flatMap((s) => s.indicators.map((i) => i.code)) } },
    select: { id: true, code: true },
  });
  const last = await attachExceptionActions(tx, month, structuredClone(sections), new Map(indicators.map((i) => [i.code, i.id])));
  if (!last.length) return 0;
  return (await tx.exceptionAction.updateMany({ where: { id: { in: last }, endMonth: null }, data: { endMonth: month } })).count;
}

/**
 * For a live preview: marks the open actions past their due date on `today` (the app's day,
 * deadlineToday()). Only previews: a signed-off pack states its actions as they were agreed, and
 * "overdue" there would go stale the day after sign-off.
 */
export function markOverdueActions(sections: SnapshotSection[], today: string): void {
  for (const ind of sections.flatMap((s) => s.indicators))
    for (const a of ind.actions ?? []) if (isActionOverdue(a, today)) a.overdue = true;
}
