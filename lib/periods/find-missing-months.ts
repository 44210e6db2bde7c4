// Reads which of the months before a period hold any figure, for the "months with no figures" notice.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addMonths } from "@/lib/format/dates";
import { describeMissingRuns, findMissingRuns, LOOKBACK_MONTHS } from "@/lib/periods/missing-months";

/** A statement whose rows (column "month") are the months in the look-back before `month` that hold any figure. */
export function monthsWithFiguresSql(month: string): Prisma.Sql {
  return Prisma.sql`
    SELECT p.month FROM "Period" p WHERE p.month >= ${addMonths(month, -(LOOKBACK_MONTHS - 1))} AND p.month < ${month}
      AND EXISTS (SELECT 1 FROM "IndicatorValue" v WHERE v."periodId" = p.id)`;
}

/** The notice from the months monthsWithFiguresSql found; null when none is missing. */
export function describeMissingMonths(month: string, withFigures: Iterable<string>): string | null {
  return describeMissingRuns(findMissingRuns(month, new Set(withFigures)));
}

export async function findMissingMonthsNotice(month: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ month: string }[]>(monthsWithFiguresSql(month));
  return describeMissingMonths(
    month,
    rows.map((r) => r.month),
  );
}
