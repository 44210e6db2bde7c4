// The lists, the month, the dates they were extracted and cover from, and the child population in;
// every figure out, with its numerator and denominator, or no value and the reason. Pure: no database.
import { dayOfIso, firstOfMonthBefore, longDate, monthBounds, sameDayMonthsBefore, type Day } from "@/lib/annex-a/calendar";
import { columnName } from "@/lib/annex-a/list-columns";
import type { ListData, QualityReport } from "@/lib/annex-a/read-annex-a";
import { ANNEX_A_RULES_VERSION, FIGURE_RULES, type FigureContext, type FigureRule } from "@/lib/annex-a/figure-rules";
import { MAX_LISTED_PROBLEMS } from "@/lib/annex-a/limits";

export type Population = { year: number; count: number };
export type FigureResult = {
  code: string;
  kind: FigureRule["kind"];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** "363 of 428 assessments"; "1,780 contacts"; "593 children with a plan per 10,000 of 50,000 children". */
  words: string | null;
  reason: string | null;
  rule: string;
};
export type ComputeInput = { month: string; asAt: string; coversFrom: string; population: Population | null; lists: Map<number, ListData>; quality: QualityReport; problems?: Map<number, string> };

export function computeFigures(input: ComputeInput): { figures: FigureResult[]; rulesVersion: string } {
  const { S, E } = monthBounds(input.month);
  const asAt = dayOfIso(input.asAt);
  const coversFrom = dayOfIso(input.coversFrom);
  const listProblem = (n: number): string => input.problems?.get(n) ?? `List ${n} is missing`;
  const ctx: FigureContext = {
    S, E,
    list: (n) => input.lists.get(n)!,
    flagEndBeforeStart: (list, row, column) => {
      const q = input.quality.lists.find((l) => l.list === list);
      if (!q || q.invalid.some((i) => i.row === row.row && i.column === column)) return;
      q.invalidCount++;
      if (q.invalid.length < MAX_LISTED_PROBLEMS) q.invalid.push({ row: row.row, column, problem: "ends-before-start" });
    },
  };

  const figures = FIGURE_RULES.map((rule): FigureResult => {
    const base = { code: rule.code, kind: rule.kind, rule: rule.rule };
    const none = (reason: string): FigureResult => ({ ...base, value: null, numerator: null, denominator: null, words: null, reason });
    const list = input.lists.get(rule.list);
    if (!list) return none(listProblem(rule.list));
    const missing = rule.columns.filter((c) => !list.columns.has(c));
    if (missing.length) return none(`List ${rule.list} has no ${missing.map((c) => columnName(rule.list, c)).join(" or ")} column`);
    const needed = neededFrom(rule, S);
    if (needed !== null && coversFrom > needed) return none(`the lists cover from ${longDate(coversFrom)}; this figure needs ${longDate(needed)}`);
    if (rule.latestOnly && asAt !== E) return none(`${rule.latestOnly} are as at ${longDate(asAt)}, not ${longDate(E)}`);
    if (rule.kind === "rate" && !input.population) return none(`no child population is recorded for ${input.month.slice(0, 4)} or an earlier year`);

    const result = rule.count(ctx);
    if (typeof result === "number") {
      if (rule.kind === "count") return { ...base, value: result, numerator: result, denominator: null, words: counted(result, rule.of), reason: null };
      const pop = input.population!;
      return { ...base, value: tenths(result * 10_000, pop.count), numerator: result, denominator: pop.count,
        words: `${counted(result, rule.of)} per 10,000 of ${n(pop.count)} children aged 0 to 17 (mid-${pop.year} estimate)`, reason: null };
    }
    if (result.denominator === 0) return { ...base, value: null, numerator: 0, denominator: 0, words: null, reason: "no children in the group" };
    return { ...base, value: tenths(result.numerator * 100, result.denominator), numerator: result.numerator, denominator: result.denominator,
      words: `${n(result.numerator)} of ${counted(result.denominator, rule.of)}`, reason: null };
  });
  return { figures, rulesVersion: ANNEX_A_RULES_VERSION };
}

/** The earliest date the lists must cover from for this figure, or null when the span does not matter. */
export function neededFrom(rule: Pick<FigureRule, "coverage">, S: Day): Day | null {
  switch (rule.coverage) {
    case "month": return S;
    case "year": return firstOfMonthBefore(S, 11);
    case "rereferral": return sameDayMonthsBefore(S, 12);
    case null: return null;
  }
}

/** a / b to one decimal place, halves away from zero, in exact integer arithmetic (a, b >= 0). */
export function tenths(a: number, b: number): number {
  return Math.floor((20 * a + b) / (2 * b)) / 10;
}

const n = (x: number) => x.toLocaleString("en-GB");
const SINGULAR: Record<string, string> = { children: "child", contacts: "contact", referrals: "referral", assessments: "assessment", enquiries: "enquiry", conferences: "conference", periods: "period", plans: "plan" };
/** "1 child", "2 children": the counted noun of `of` made singular for one. */
export const counted = (x: number, of: string) => `${n(x)} ${x === 1 ? of.replace(/\b(children|contacts|referrals|assessments|enquiries|conferences|periods|plans)\b/, (w) => SINGULAR[w]) : of}`;
