// How the pack prints one figure, a RAG rating and a direction: words and symbols, never colour alone.
import { formatTableValue, SUPPRESSED_MARK } from "@/lib/judgement";
import type { SnapshotIndicator } from "@/lib/pack/snapshot-types";

export function figureText(ind: Pick<SnapshotIndicator, "unit" | "decimals">, value: number | null, suppressed = false, notAvailable?: string | null): string {
  if (suppressed) return SUPPRESSED_MARK;
  if (value === null) return notAvailable ? "Not available" : "No figure";
  return formatTableValue(value, ind);
}

/** The pack shows ratings and directions exactly as the grid does. */
export { RagTag, DirectionOfTravel as DirectionText } from "@/components/judgement-tags";

/**
 * The latest comparable comparator with its period, e.g. "78.7% (England 2018-19)"; says plainly
 * when there is none, or when the only one is an annual total a monthly count cannot be set against.
 */
export function comparatorText(ind: SnapshotIndicator): string {
  const c = ind.comparators.filter((x) => x.comparable).at(-1);
  if (c) return `${formatTableValue(c.value, ind)} (${c.label} ${c.periodLabel})`;
  return ind.comparators.length ? "Not comparable (annual total)" : "No national figure";
}
