// One indicator as its edit pages show it: details, target history with who set each change, and
// comparators. Names come from the user table; rows loaded with the catalogue have no author.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { currentMonth } from "@/lib/format/dates";
import { CODE_PATTERN } from "@/lib/catalogue/indicator-input";
import { targetInForce } from "@/lib/catalogue/target-in-force";

export async function findIndicatorForEdit(actor: SessionUser | null | undefined, code: string, month = currentMonth()) {
  assertCan(actor, "indicator.manage");
  if (!CODE_PATTERN.test(code)) return null;
  const indicator = await db.indicator.findUnique({
    where: { code },
    include: {
      section: { select: { id: true, name: true } },
      targets: { orderBy: { fromMonth: "desc" } },
      comparators: { orderBy: [{ label: "asc" }, { periodLabel: "asc" }] },
    },
  });
  if (!indicator) return null;
  const authorIds = [...new Set(indicator.targets.map((t) => t.createdById).filter((id): id is string => Boolean(id)))];
  const [authors, lastChange] = await Promise.all([
    db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }),
    db.auditEvent.findFirst({
      where: {
        OR: [
          { entityType: "Indicator", entityId: indicator.id },
          { entityType: "Comparator", entityId: { in: indicator.comparators.map((c) => c.id) } },
        ],
      },
      orderBy: { at: "desc" },
      select: { actorName: true, at: true, action: true },
    }),
  ]);
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  const targets = indicator.targets.map((t, i) => ({
    ...t,
    // Rows are newest-first, so the row before this one is the next change in time.
    untilMonth: i > 0 ? indicator.targets[i - 1].fromMonth : null,
    createdByName: t.createdById ? (nameOf.get(t.createdById) ?? "A removed user") : null,
  }));
  return { ...indicator, targets, inForce: targetInForce(indicator.targets, month), month, lastChange };
}

export type IndicatorForEdit = NonNullable<Awaited<ReturnType<typeof findIndicatorForEdit>>>;
