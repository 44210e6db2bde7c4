// Direction of travel: how a month's value moved against an earlier one (last month, or the same
// month last year), judged by the indicator's polarity. Pure, so the grid and the pack agree.
import type { Polarity } from "@/lib/generated/prisma/enums";
import { roundTo } from "@/lib/judgement/round";
import { movementWords } from "@/lib/judgement/movement-words";

export type Movement = "UP" | "DOWN" | "SAME";
export type Verdict = "IMPROVED" | "WORSE" | "NO_CHANGE" | "UP" | "DOWN";
export type Direction = { movement: Movement; verdict: Verdict };

export type DirectionBasis = { polarity: Polarity; decimals: number };

/**
 * Compares two values AS THEY ARE SHOWN: both are rounded to the indicator's decimal places first,
 * so "About the same" means the two figures read the same (|change| under half a unit of the last
 * displayed place). The target tolerance is deliberately not used: it says how far from target is
 * acceptable, not how much movement matters, and would call a 4-point fall "No change".
 *
 * Higher is better: up is "Improved", down "Worse". Lower is better: mirrored. Polarity "neither":
 * just "Up" or "Down". Either value missing (no period, not available): null.
 */
export function judgeDirection(
  current: number | null | undefined,
  previous: number | null | undefined,
  basis: DirectionBasis,
): Direction | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const a = roundTo(current, basis.decimals);
  const b = roundTo(previous, basis.decimals);
  if (a === b) return { movement: "SAME", verdict: "NO_CHANGE" };
  const movement: Movement = a > b ? "UP" : "DOWN";
  if (basis.polarity === "NEITHER") return { movement, verdict: movement };
  const good = basis.polarity === "HIGHER_IS_BETTER" ? movement === "UP" : movement === "DOWN";
  return { movement, verdict: good ? "IMPROVED" : "WORSE" };
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  IMPROVED: "Improved",
  WORSE: "Worse",
  NO_CHANGE: "About the same",
  UP: "Up",
  DOWN: "Down",
};

/** The arrow shows which way the figure moved; the words say whether that is good. */
export const MOVEMENT_SYMBOL: Record<Movement, string> = { UP: "▲", DOWN: "▼", SAME: "►" };

export type DirectionDisplay = {
  /** Decorative: render with aria-hidden="true". */
  symbol: string;
  /** The words, which say the direction themselves: "Down 524 (28.2%), better" (lib/judgement/movement-words.ts). */
  text: string;
  /** Kept for callers that add words for screen readers: the text says everything now, so always "". */
  hiddenText: string;
  /** Plain-text form for exports and titles: the same words. */
  plain: string;
};

/** `change`: formatChange's text for the same two figures, to say how much ("-524 (-28.2%)"). */
export function describeDirection(direction: Direction, change?: string | null): DirectionDisplay {
  const text = movementWords(direction, change);
  return { symbol: MOVEMENT_SYMBOL[direction.movement], text, hiddenText: "", plain: text };
}
