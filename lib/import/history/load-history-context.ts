// What the history planner compares a file against: every period by month, and the stored values
// of the periods the file's months fall in. Read the same way for the preview and, inside the
// transaction, for the confirmation.
import "server-only";
import type { db, Tx } from "@/lib/db";
import type { ExistingValue } from "@/lib/import/import-preview";
import type { KnownPeriod } from "@/lib/import/history/plan-history-import";

type Client = Tx | typeof db;

export async function loadPeriods(client: Client): Promise<Map<string, KnownPeriod>> {
  const periods = await client.period.findMany({ select: { id: true, month: true, status: true, commentaryFirstSubmittedAt: true } });
  return new Map(periods.map((p) => [p.month, p]));
}

export async function loadValuesOfPeriods(client: Client, periodIds: string[]): Promise<Map<string, Map<string, ExistingValue>>> {
  const values = await client.indicatorValue.findMany({
    where: { periodId: { in: periodIds } },
    select: { id: true, periodId: true, indicatorId: true, value: true, notAvailableReason: true, note: true, revision: true },
  });
  const byPeriod = new Map<string, Map<string, ExistingValue>>(periodIds.map((id) => [id, new Map()]));
  for (const { periodId, indicatorId, ...v } of values) byPeriod.get(periodId)!.set(indicatorId, v);
  return byPeriod;
}
