// RAG ratings: where a month's value stands against the target in force for that month, read in
// the direction the indicator's polarity says is good. Pure, so the grid and the pack agree.
import type { Polarity } from "@/lib/generated/prisma/enums";

export type Rag = "GREEN" | "AMBER" | "RED";

export type RagBasis = {
  polarity: Polarity;
  /** The target in force for the month (see lib/catalogue/target-in-force.ts); null means none. */
  target: number | null | undefined;
  /** How far on the wrong side of the target still counts as amber. Null or negative means 0. */
  tolerance?: number | null;
};

// Targets, tolerances and values are decimals typed by people; binary floating point can put a
// value that sits exactly on a threshold a hair the wrong side of it (0.3 - 0.1 = 0.19999...).
const EPSILON = 1e-9;
const atLeast = (value: number, threshold: number) => value - threshold >= -EPSILON * Math.max(1, Math.abs(threshold));

/**
 * - higher is better: value >= target is Green; >= target - tolerance is Amber; lower is Red.
 * - lower is better, mirrored: value <= target is Green; <= target + tolerance is Amber; higher is Red.
 * - polarity "neither" (volume and context measures), no target or no value: null (no rating).
 */
export function judgeRag(value: number | null | undefined, basis: RagBasis): Rag | null {
  const { polarity, target } = basis;
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (target === null || target === undefined || !Number.isFinite(target)) return null;
  if (polarity === "NEITHER") return null;
  const tolerance = Math.max(0, basis.tolerance ?? 0);
  // Mirror lower-is-better onto higher-is-better by negating everything.
  const sign = polarity === "HIGHER_IS_BETTER" ? 1 : -1;
  const v = sign * value;
  const t = sign * target;
  if (atLeast(v, t)) return "GREEN";
  if (atLeast(v, t - tolerance)) return "AMBER";
  return "RED";
}

/** Words for people: a RAG rating is never shown by colour alone. */
export const RAG_LABEL: Record<Rag, string> = { GREEN: "Green", AMBER: "Amber", RED: "Red" };

/** GOV.UK Frontend 6 tag modifier for each rating (used together with RAG_LABEL, never alone). */
export const RAG_TAG_CLASS: Record<Rag, string> = {
  GREEN: "govuk-tag govuk-tag--green",
  AMBER: "govuk-tag govuk-tag--orange",
  RED: "govuk-tag govuk-tag--red",
};

/** A sentence for screen readers and plain-text exports, e.g. "Amber: within tolerance of the target". */
export function describeRag(rag: Rag): string {
  if (rag === "GREEN") return "Green: target met";
  if (rag === "AMBER") return "Amber: short of target but within tolerance";
  return "Red: short of target by more than the tolerance";
}
