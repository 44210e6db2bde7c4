// Checks shared by adding and changing a comparator: the value suits the indicator's unit, and one
// label-and-period pair appears once per indicator.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Unit } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { checkValue } from "@/lib/values/validate-value";

export function checkComparatorValue(value: number, unit: Unit): void {
  // Published figures may carry more precision than the pack shows, up to 3 places.
  const check = checkValue(String(value), { unit, decimals: 3 });
  if (!check.ok) throw new AppError("VALIDATION", "There is a problem", { value: `The value ${check.reason}` });
}

export async function assertComparatorIsNew(
  tx: Tx,
  indicatorId: string,
  label: string,
  periodLabel: string,
  exceptId?: string,
): Promise<void> {
  const clash = await tx.comparator.findFirst({
    where: {
      indicatorId,
      label: { equals: label, mode: "insensitive" },
      periodLabel: { equals: periodLabel, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw duplicateComparator(label, periodLabel);
}

export const duplicateComparator = (label: string, periodLabel: string) =>
  new AppError("VALIDATION", "There is a problem", {
    periodLabel: `There is already a ${label} comparator for ${periodLabel}: change that one instead`,
  });

export const comparatorSnapshot = (c: {
  label: string;
  periodLabel: string;
  value: number;
  source: string | null;
  notes: string | null;
}) => ({
  label: c.label,
  periodLabel: c.periodLabel,
  value: c.value,
  source: c.source,
  notes: c.notes,
});
