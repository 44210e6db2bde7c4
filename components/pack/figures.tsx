// How the pack prints one figure, a RAG rating and a direction: words and symbols, never colour alone.
import { formatTableValue, SUPPRESSED_MARK } from "@/lib/judgement";
import type { SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";
import { latestComparator } from "@/lib/pack/snapshot/chart-spec";

export function figureText(
  ind: Pick<SnapshotIndicator, "unit" | "decimals">,
  value: number | null,
  suppressed = false,
  notAvailable?: string | null,
  unsigned = false,
): string {
  if (suppressed) return SUPPRESSED_MARK;
  if (unsigned) return "Not yet signed off";
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
  const c = latestComparator(ind);
  if (c) return `${formatTableValue(c.value, ind)} (${c.label} ${c.periodLabel})`;
  return ind.comparators.length ? "Not comparable (annual total)" : "No national figure";
}

/** Every comparable comparator's latest figure, one per label: England, the region, neighbours. */
export function latestComparatorsByLabel(ind: SnapshotIndicator) {
  const byLabel = new Map<string, SnapshotIndicator["comparators"][number]>();
  for (const c of ind.comparators) if (c.comparable) byLabel.set(c.label, c); // sorted by period, so the last wins
  return [...byLabel.values()];
}
