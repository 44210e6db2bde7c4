// Every recorded change to one indicator's figure for one month (old to new, who, when), newest
// first, so anyone preparing or checking the pack can see how a number came to be.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { findPeriodByMonth } from "@/lib/periods/find-period";
import { readProvenance } from "@/lib/annex-a/provenance";

export async function findValueHistory(user: SessionUser, month: string, code: string) {
  assertCan(user, "period.view");
  const period = await findPeriodByMonth(month);
  if (!period || !/^[A-Z0-9_]{1,64}$/.test(code)) return null;
  const indicator = await db.indicator.findUnique({
    where: { code },
    select: { id: true, code: true, name: true, unit: true, decimals: true, section: { select: { name: true } } },
  });
  if (!indicator) return null;
  const value = await db.indicatorValue.findUnique({
    where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } },
    include: { revisions: { orderBy: { revision: "desc" } } },
  });
  return { period, indicator, value, provenance: readProvenance(value?.provenance ?? null) };
}
