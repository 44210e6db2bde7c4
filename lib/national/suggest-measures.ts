// Suggests DfE measures for an indicator by the words their names and definitions share, those of
// the same unit and polarity first (only those can be linked). Pure.
import type { Polarity, Unit } from "@/lib/generated/prisma/enums";

export type MeasureChoice = { code: string; name: string; definition: string; unit: Unit | null; polarity: Polarity };
export type IndicatorForMatch = { name: string; definition: string; unit: Unit; polarity: Polarity };

const STOP = new Set([
  "the",
  "of",
  "to",
  "a",
  "an",
  "in",
  "and",
  "or",
  "for",
  "on",
  "at",
  "by",
  "with",
  "as",
  "is",
  "are",
  "be",
  "who",
  "which",
  "that",
  "per",
  "month",
  "number",
  "children",
  "child",
]);
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9%]+/g, " ")
      .split(" ")
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map((w) => w.replace(/s$/, "")),
  );

/** Why a link would be refused, or null when unit and polarity agree. */
export function linkProblem(
  indicator: Pick<IndicatorForMatch, "unit" | "polarity">,
  measure: Pick<MeasureChoice, "unit" | "polarity" | "code">,
): string | null {
  const unitText = { COUNT: "a count", PERCENT: "a percentage", RATE_PER_10K: "a rate per 10,000" } as const;
  if (measure.unit !== indicator.unit)
    return `${measure.code} is ${measure.unit ? unitText[measure.unit] : "in a unit this app does not use"}, but the indicator is ${unitText[indicator.unit]}`;
  if (measure.polarity !== indicator.polarity) {
    const pol = {
      HIGHER_IS_BETTER: "higher is better",
      LOWER_IS_BETTER: "lower is better",
      NEITHER: "neither higher nor lower is better",
    } as const;
    return `for ${measure.code} ${pol[measure.polarity]}, but for the indicator ${pol[indicator.polarity]}`;
  }
  return null;
}

export function suggestMeasures(
  indicator: IndicatorForMatch,
  measures: MeasureChoice[],
  limit = 5,
): (MeasureChoice & { score: number; problem: string | null })[] {
  const nameWords = words(indicator.name);
  const defWords = words(indicator.definition);
  return measures
    .map((m) => {
      const mName = words(m.name);
      const mDef = words(m.definition);
      let score = 0;
      for (const w of nameWords) score += (mName.has(w) ? 3 : 0) + (mDef.has(w) ? 1 : 0);
      for (const w of defWords) score += mName.has(w) ? 1 : 0;
      const problem = linkProblem(indicator, m);
      return { ...m, score: problem ? score / 4 : score, problem };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, limit);
}
