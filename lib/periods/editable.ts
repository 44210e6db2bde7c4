// The one guard for frozen packs: once a period is signed off, its values and commentary change only
// through a formal amendment.
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { formatMonth } from "@/lib/format/dates";

export function isPeriodEditable(status: PeriodStatus): boolean {
  return status === "OPEN" || status === "AMENDING";
}

export function assertPeriodEditable(period: { month: string; status: PeriodStatus }): void {
  if (isPeriodEditable(period.status)) return;
  throw new AppError(
    "INVALID_TRANSITION",
    `The ${formatMonth(period.month)} pack is signed off, so its figures and commentary cannot change. The director must start an amendment first.`,
  );
}
