// How the pack prints one figure, a RAG rating and a direction: words and symbols, never colour alone.
import { formatTableValue, SUPPRESSED_MARK } from "@/lib/judgement";
import type { SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";

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
