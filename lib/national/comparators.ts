// The published comparators for one indicator, worked out from DfE's figures: England's, the region's,
// the statistical neighbours' average and the council's own with its rank and quartile. Pure, so
// each rule is unit-tested. A figure DfE did not publish (a symbol) is left out of every average
// and every ranking, and counted as missing.
import type { Polarity } from "@/lib/generated/prisma/enums";

export type PublishedFigure = { value: number | null; symbol: string | null };

/** The mean of the neighbours that have a figure, and how many do: "9 of 10 neighbours". */
export function neighboursAverage(figures: (PublishedFigure | undefined)[]): { mean: number | null; count: number; of: number } {
  const numbers = figures.flatMap((f) => (f && f.value !== null ? [f.value] : []));
  return { mean: numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null, count: numbers.length, of: figures.length };
}

/**
 * Rank 1 is the best: the highest figure when higher is better, the lowest when lower is better.
 * Ties share the best rank (competition ranking, as DfE's LAIT ranks). Quartile 1 is the best quarter.
 * A measure with neither direction has no rank.
 */
export function rankAndQuartile(
  own: number,
  all: number[],
  polarity: Polarity,
): { rank: number; of: number; quartile: 1 | 2 | 3 | 4 } | null {
  if (polarity === "NEITHER" || all.length === 0) return null;
  const better = all.filter((v) => (polarity === "HIGHER_IS_BETTER" ? v > own : v < own)).length;
  const rank = better + 1;
  const of = all.length;
  const quartile = Math.min(4, Math.max(1, Math.ceil((4 * rank) / of))) as 1 | 2 | 3 | 4;
  return { rank, of, quartile };
}

/**
 * The year as a reader should read it: DfE's "2025" is the year ending 31 March 2025 for a financial
 * year ("2024-25"), a count at 31 March 2025 for an annual one, or the academic year 2024/25.
 * Ranges ("2014-16") and EES's "202425" are written out as they are meant.
 */
export function yearLabel(year: string, yearType: string): string {
  const six = /^(\d{4})(\d{2})$/.exec(year);
  if (six) return `${six[1]}-${six[2]}`;
  if (!/^\d{4}$/.test(year)) return year;
  const y = Number(year);
  const type = yearType.toLowerCase();
  if (type.startsWith("financial")) return `${y - 1}-${String(y % 100).padStart(2, "0")}`;
  if (type.startsWith("academic")) return `${y - 1}/${String(y % 100).padStart(2, "0")}`;
  if (type.startsWith("annual")) return `at 31 March ${y}`;
  return year;
}

/** The order of DfE's year labels: "2014-16" sorts by its last year, "202425" by 2025. */
export function yearOrder(year: string): number {
  const six = /^(\d{4})(\d{2})$/.exec(year);
  if (six) return Number(six[1]) + 1;
  const range = /^(\d{4})-(\d{2,4})$/.exec(year);
  if (range) return Number(range[2].length === 2 ? range[1].slice(0, 2) + range[2] : range[2]);
  return Number(/^\d{4}/.exec(year)?.[0] ?? 0);
}
