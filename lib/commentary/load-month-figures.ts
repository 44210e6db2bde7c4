// A section's (or one indicator's) figures for a month with last month, last year and the target
// in force: what the section page shows and what decides, there and in the server's checks,
// whether an indicator is on the exceptions list. One query, so the page and the checks agree.
import "server-only";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { targetInForce } from "@/lib/catalogue/target-in-force";

export async function loadMonthFigures(where: { sectionId: string } | { id: string }, month: string) {
  const previousMonth = addMonths(month, -1);
  const lastYearMonth = addMonths(month, -12);
  const indicators = await db.indicator.findMany({
    where: { ...where, active: true },
    orderBy: { order: "asc" },
    include: {
      targets: true,
      values: {
        where: { period: { month: { in: [month, previousMonth, lastYearMonth] } } },
        include: { period: { select: { month: true } } },
      },
    },
  });
  return indicators.map((ind) => {
    const at = (m: string) => ind.values.find((v) => v.period.month === m) ?? null;
    const current = at(month);
    const target = targetInForce(ind.targets, month);
    return {
      id: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      polarity: ind.polarity,
      suppressSmallNumbers: ind.suppressSmallNumbers,
      nationalMeasureCode: ind.nationalMeasureCode,
      current: current?.value ?? null,
      notAvailableReason: current?.notAvailableReason ?? null,
      revised: current?.revisedAfterSubmission ?? false,
      previous: at(previousMonth)?.value ?? null,
      lastYear: at(lastYearMonth)?.value ?? null,
      target: target?.target ?? null,
      tolerance: target?.tolerance ?? null,
    };
  });
}
