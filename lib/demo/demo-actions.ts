// Actions on exceptions for the demo: recorded by each section's lead in June 2019, so July 2019's
// pack shows them carried from June, and one shown resolved because its indicator left the list.
// Chosen from the demo's own figures, judged by the same rule as the pack.
import "server-only";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { targetInForce } from "@/lib/catalogue/target-in-force";
import { isLiveException } from "@/lib/exception-actions/load-section-actions";

const WHAT = [
  "Audit every case over the timescale with the team manager and report the findings to the panel",
  "Weekly performance clinic with team managers until the figure is back within tolerance",
  "Review the data recording with the performance team: some visits are logged late",
  "Agree a recovery plan with the service manager, with a monthly check on progress",
];
const OWNER: Record<string, string> = {
  demand: "Head of Early Help and MASH",
  "child-protection": "Head of Safeguarding",
  "corporate-parenting": "Head of Children in Care",
  "care-leavers": "Leaving Care Service Manager",
};

async function exceptionsIn(month: string) {
  const indicators = await db.indicator.findMany({
    where: { active: true },
    orderBy: [{ section: { order: "asc" } }, { order: "asc" }],
    include: {
      section: { select: { slug: true, owners: { include: { user: true } } } },
      targets: true,
      values: {
        where: { period: { month: { in: [month, addMonths(month, -1), addMonths(month, -12)] } } },
        include: { period: { select: { month: true } } },
      },
    },
  });
  return indicators.filter((ind) => {
    const at = (m: string) => ind.values.find((v) => v.period.month === m)?.value ?? null;
    const t = targetInForce(ind.targets, month);
    return isLiveException(
      {
        ...ind,
        current: at(month),
        previous: at(addMonths(month, -1)),
        lastYear: at(addMonths(month, -12)),
        target: t?.target ?? null,
        tolerance: t?.tolerance ?? null,
      },
      month,
    );
  });
}

/** Records the demo's actions for `month` (before it is signed off): most on exceptions that stay on the list next month, one on an exception that leaves it. */
export async function seedDemoActions(month: string): Promise<void> {
  const now = await exceptionsIn(month);
  const nextCodes = new Set((await exceptionsIn(addMonths(month, 1))).map((i) => i.code));
  const staying = now.filter((i) => nextCodes.has(i.code)).slice(0, 3);
  const leaving = now.filter((i) => !nextCodes.has(i.code)).slice(0, 1);
  const due = (n: number) => new Date(`${addMonths(month, 2 + n)}-15T00:00:00Z`);
  for (const [i, ind] of [...staying, ...leaving].entries()) {
    const lead = ind.section.owners[0]?.user;
    await db.exceptionAction.create({
      data: {
        indicatorId: ind.id,
        fromMonth: month,
        description: WHAT[i % WHAT.length],
        ownerName: OWNER[ind.section.slug] ?? "Service manager",
        dueDate: due(i % 2),
        createdById: lead?.id,
        createdByName: lead?.name ?? "Demo seed",
        updatedByName: lead?.name ?? "Demo seed",
        createdAt: new Date(`${addMonths(month, 1)}-08T10:00:00Z`),
      },
    });
  }
}
