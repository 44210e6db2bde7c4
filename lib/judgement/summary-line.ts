// The one-line summary of each indicator in the pack: "Down from 1,861 to 1,337 since July". It says
// only what the figures show: a small number is never described by its movement, a missing month is named.
import { addMonths, formatMonth } from "@/lib/format/dates";
import { formatValue } from "@/lib/judgement/format-number";
import type { Unit } from "@/lib/generated/prisma/enums";

export type SummaryInput = {
  value: number | null;
  lastMonth: number | null;
  unit: Unit;
  decimals: number;
  notAvailableReason: string | null;
  suppressed: { value: boolean; lastMonth: boolean };
  unsigned?: { lastMonth: boolean };
};

export function summaryLine(ind: SummaryInput, month: string): string {
  const since = formatMonth(addMonths(month, -1)).split(" ")[0];
  const rules = { unit: ind.unit, decimals: ind.decimals };
  const before = ind.suppressed.lastMonth
    ? "a small number (shown as c)"
    : ind.lastMonth === null
      ? null
      : formatValue(ind.lastMonth, rules);
  const missingBefore = ind.unsigned?.lastMonth ? `${since} not yet signed off` : `no figure for ${since}`;
  if (ind.suppressed.value) {
    return `A small number (shown as c) this month; ${before === null ? missingBefore : `${before} in ${since}`}`;
  }
  if (ind.value === null) return ind.notAvailableReason ? `Not available this month: ${ind.notAvailableReason}` : "No figure this month";
  const now = formatValue(ind.value, rules);
  if (ind.suppressed.lastMonth) return `${now} this month; a small number (shown as c) in ${since}`;
  if (ind.lastMonth === null) return `${now} this month; ${missingBefore}`;
  if (now === before) return `About the same at ${now} since ${since}`;
  return `${ind.value > ind.lastMonth ? "Up" : "Down"} from ${before} to ${now} since ${since}`;
}
