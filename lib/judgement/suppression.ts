// Small-number suppression for what the panel (and the public) reads: a count from 1 to 5 could
// identify a child, so it shows as "c" where the indicator asks for it. Stored figures never change;
// this is display only, and staff views (the entry grid) show the real number.
import type { Unit } from "@/lib/generated/prisma/enums";
import { formatChange, formatValue } from "@/lib/judgement/format-number";

export const SUPPRESSED_MARK = "c";
export const SUPPRESSION_NOTE = "c: a number from 1 to 5, not shown to protect the children's privacy";
export const SMALL_NUMBER_MAX = 5;

export type SuppressionRules = { unit: Unit; decimals: number; suppressSmallNumbers: boolean };

/** True for a count from 1 to 5 on an indicator that suppresses small numbers. 0 is shown: it identifies nobody. */
export function isSuppressed(value: number | null | undefined, rules: SuppressionRules): boolean {
  if (!rules.suppressSmallNumbers || rules.unit !== "COUNT") return false;
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  return value >= 1 && value <= SMALL_NUMBER_MAX;
}

/** A value as a panel view shows it: "c" when suppressed, else formatValue. */
export function formatPanelValue(value: number, rules: SuppressionRules): string {
  return isSuppressed(value, rules) ? SUPPRESSED_MARK : formatValue(value, rules);
}

/** A change as a panel view shows it: "c" when either figure is suppressed, since the change would reveal it. */
export function formatPanelChange(current: number, previous: number, rules: SuppressionRules): string {
  return isSuppressed(current, rules) || isSuppressed(previous, rules) ? SUPPRESSED_MARK : formatChange(current, previous, rules);
}
