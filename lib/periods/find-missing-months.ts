// Reads which of the months before a period hold any figure, for the "months with no figures" notice.
import "server-only";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { describeMissingRuns, findMissingRuns, LOOKBACK_MONTHS } from "@/lib/periods/missing-months";

export async function findMissingMonthsNotice(month: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT p.month FROM "Period" p WHERE p.month >= ${addMonths(month, -(LOOKBACK_MONTHS - 1))} AND p.month < ${month}
      AND EXISTS (SELECT 1 FROM "IndicatorValue" v WHERE v."periodId" = p.id)`;
  return describeMissingRuns(findMissingRuns(month, new Set(rows.map((r) => r.month))));
}
