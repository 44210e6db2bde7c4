// One way of saying how a figure moved, wherever the app says it: the pack's tables, the value grid,
// the summaries and charts' words, the commentary's figures summary and the exports. Always the
// direction first ("Up", "Down"), then how much, then, where the indicator has a better direction,
// whether that is better or worse: "Down 524 (28.2%), better"; "Up 13.2 (1.4%)"; "About the same".
// A change that rounds to nothing is never printed as "0%" (issue 26).
import type { Direction } from "@/lib/judgement/direction";

export const SAME_WORDS = "About the same";

/** The judgement word of a verdict; none for an indicator that is neither better high nor low. */
export const JUDGEMENT_WORD: Partial<Record<Direction["verdict"], string>> = { IMPROVED: "better", WORSE: "worse" };

/**
 * A relative change in per cent, without a sign: (-2.6, 969.6, 1) -> "0.3%"; (0.3, 969.6, 1) ->
 * "less than 0.1%"; (-524, 1861, 0) -> "28%"; (-2.6, 969.6, 0) -> "less than 1%".
 */
export function relativeChangeText(diff: number, base: number, places: number): string {
  const factor = 10 ** places;
  const percent = Math.round(Math.abs((diff / Math.abs(base)) * 100) * factor) / factor;
  if (percent === 0) return `less than ${(1 / factor).toLocaleString("en-GB", { maximumFractionDigits: places })}%`;
  return `${percent.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places })}%`;
}

/**
 * How much, without a sign (the direction word says which way): "-524 (-28.2%)" -> "524 (28.2%)".
 * Null for no amount to give: none, "No change", "About the same", or "c" (a suppressed figure's
 * change would reveal it). Reads the signed text older snapshots froze as well as today's.
 */
export function changeAmount(change: string | null | undefined): string | null {
  if (!change || change === "c" || change === "No change" || change === SAME_WORDS) return null;
  return change
    .replace(/^[+\u2212-]/, "")
    .replace(/\(([+\u2212-])/, "(")
    .replace(/\((?:[+-])?0(?:\.0+)?%\)/, "(less than 0.1%)");
}

/** The movement in words: "Down 524 (28.2%), better", "Up, worse" (no amount), "Up 13.2 (1.4%)", "About the same". */
export function movementWords(direction: Direction, change?: string | null): string {
  if (direction.movement === "SAME") return SAME_WORDS;
  const amount = changeAmount(change);
  const judgement = JUDGEMENT_WORD[direction.verdict];
  return `${direction.movement === "UP" ? "Up" : "Down"}${amount ? ` ${amount}` : ""}${judgement ? `, ${judgement}` : ""}`;
}
