// Which comparators a pack shows for an indicator, and the one its chart draws. One source per
// indicator: DfE's published figures when it is linked to a measure, otherwise the catalogue's typed
// ones. One rule for the years: only a period that had ended by the pack's month (a July 2019 pack
// may quote 2018-19, never 2019-20). The section table, the chart, its caption and description, the
// downloads and the definitions all read packComparators, so they cannot disagree.
import type { Unit } from "@/lib/generated/prisma/enums";
import type { NationalComparators } from "@/lib/national/national-comparators";
import { yearOrder } from "@/lib/national/comparators";
import { describeSymbol } from "@/lib/national/symbols";
import type { SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** The last month (YYYY-MM) of DfE's year: its "2019" (and "201819") ends on 31 March 2019. */
export const dfeYearEnd = (year: string): string => `${yearOrder(year)}-03`;

/**
 * The last month of a typed comparator's period, or null when its label names no year:
 * "2018-19" is a financial year (to March 2019), "2018/19" an academic one (to August 2019),
 * "at 31 March 2019" or "March 2019" that month, a bare "2019" the calendar year (to December).
 */
export function periodEnd(periodLabel: string): string | null {
  const ends: string[] = [];
  // Year ranges first ("2018-19", "2014-16", "2018/19", "2018-2019"); "2019-03" is a month.
  let rest = periodLabel.toLowerCase().replace(/\b(\d{4})\s*([-/\u2013])\s*(\d{4}|\d{2})\b/g, (_, a: string, sep: string, b: string) => {
    const first = Number(a);
    const yy = Number(b);
    if (b.length === 2 && yy !== (first + 1) % 100 && yy <= first % 100 && yy >= 1 && yy <= 12) {
      ends.push(`${a}-${b}`);
      return " ";
    }
    const last = b.length === 4 ? yy : Math.floor(first / 100) * 100 + yy + (yy <= first % 100 ? 100 : 0);
    ends.push(`${last}-${sep === "/" ? "08" : "03"}`);
    return " ";
  });
  // A month and year ("at 31 March 2019", "Sept 2019").
  rest = rest.replace(/\b([a-z]{3})[a-z]*\.?\s+(\d{4})\b/g, (whole, name: string, year: string) => {
    const i = MONTHS.indexOf(name);
    if (i < 0) return whole;
    ends.push(`${year}-${pad(i + 1)}`);
    return " ";
  });
  for (const m of rest.matchAll(/\b(\d{4})\b/g)) ends.push(`${m[1]}-12`);
  return ends.length ? ends.sort().at(-1)! : null;
}

/**
 * THE rule: a pack of `month` may show a figure for a period only if that period had ended by the
 * end of the pack's month. A label that names no year ("latest") cannot be judged and is shown.
 */
export function periodHadEnded(end: string | null, month: string): boolean {
  return end === null || end <= month;
}

export type ComparatorLine = {
  label: string;
  /** "at 31 March 2019", "2018-19": every comparator says its own year, never the pack's month. */
  periodLabel: string;
  /** null: DfE published a symbol (or no neighbour had a figure); `missing` says why. */
  value: number | null;
  missing: string | null;
  /** "(10 of 10 neighbours)", "(ranked 3 of 152, 1st quartile)". */
  detail: string | null;
};

export type PackComparators = {
  /** What the table lists, in order. */
  lines: ComparatorLine[];
  /** The one figure the chart draws and names and the downloads give as England's: the England line
   * (a typed list without England: its first line), only for rates and percentages. */
  headline: (ComparatorLine & { value: number }) | null;
  /** Words for a table cell with no lines. */
  none: string;
  /** Where the figures come from, for the definitions. */
  sources: string[];
};

type Input = Pick<SnapshotIndicator, "unit" | "comparators"> & { national?: NationalComparators | null };

const ORDINAL = ["", "1st", "2nd", "3rd", "4th"];

/** DfE's comparators as lines, each only if its year had ended by `month` (all of them without a month). */
export function nationalLines(national: NationalComparators, month?: string, councilName = "This council"): ComparatorLine[] {
  const ended = (year: string) => !month || periodHadEnded(dfeYearEnd(year), month);
  const { england, region, neighbours, own } = national;
  const lines: ComparatorLine[] = [];
  const figure = (label: string, f: { yearLabel: string; value: number | null; symbol: string | null }, detail: string | null = null) =>
    lines.push({
      label,
      periodLabel: f.yearLabel,
      value: f.value,
      missing: f.value === null ? describeSymbol(f.symbol ?? "x") : null,
      detail,
    });
  if (england && ended(england.year)) figure("England", england);
  if (region && ended(region.year)) figure(region.name, region);
  if (neighbours && ended(neighbours.year))
    lines.push({
      label: "Statistical neighbours",
      periodLabel: neighbours.yearLabel,
      value: neighbours.mean,
      missing: neighbours.mean === null ? "no neighbour has a figure" : null,
      detail: `(${neighbours.count} of ${neighbours.of} neighbours)`,
    });
  if (own && ended(own.year))
    figure(
      councilName,
      own,
      own.rank !== null && own.of !== null && own.quartile !== null
        ? `(ranked ${own.rank} of ${own.of}, ${ORDINAL[own.quartile]} quartile)`
        : null,
    );
  return lines;
}

/** The catalogue's typed comparators a pack may show: comparable, ended by `month`, the latest period of each label. */
function typedLines(comparators: Input["comparators"], month: string): ComparatorLine[] {
  const byLabel = new Map<string, { line: ComparatorLine; end: string }>();
  for (const c of comparators) {
    const end = periodEnd(c.periodLabel);
    if (!c.comparable || !periodHadEnded(end, month)) continue;
    const seen = byLabel.get(c.label);
    // Catalogue order (period, then label) breaks a tie, as before: the later one wins.
    if (!seen || (end ?? "") >= seen.end)
      byLabel.set(c.label, {
        line: { label: c.label, periodLabel: c.periodLabel, value: c.value, missing: null, detail: null },
        end: end ?? "",
      });
  }
  return [...byLabel.values()].map((x) => x.line);
}

const hasValue = (l: ComparatorLine | undefined): l is ComparatorLine & { value: number } => Boolean(l) && l!.value !== null;

/** What a pack of `month` shows for this indicator's comparators: see the top of this file. */
export function packComparators(ind: Input, month: string): PackComparators {
  const comparable = (unit: Unit) => unit !== "COUNT"; // a monthly count is not set against an annual total
  if (ind.national) {
    const lines = nationalLines(ind.national, month);
    const england = lines.find((l) => l.label === "England");
    return {
      lines,
      headline: comparable(ind.unit) && hasValue(england) ? england : null,
      none: `No DfE figure yet for ${ind.national.measureCode}`,
      sources: [`DfE, ${ind.national.measureName} (${ind.national.measureCode})`],
    };
  }
  const lines = typedLines(ind.comparators, month);
  const headline = lines.find((l) => l.label.toLowerCase() === "england") ?? lines[0];
  return {
    lines,
    headline: hasValue(headline) ? headline : null,
    none: ind.comparators.some((c) => !c.comparable) ? "Not comparable (annual total)" : "No national figure",
    sources: [...new Set(ind.comparators.flatMap((c) => (c.source ? [c.source] : [])))],
  };
}

/**
 * The typed comparators a snapshot freezes (schema 7): none when DfE's figures are the source, and
 * only periods that had ended by the pack's month, so the JSON download says what the pack shows.
 */
export function typedComparatorsToFreeze<C extends { periodLabel: string }>(comparators: C[], linked: boolean, month: string): C[] {
  return linked ? [] : comparators.filter((c) => periodHadEnded(periodEnd(c.periodLabel), month));
}

/** "England at 31 March 2019", as the chart's caption, its description and the downloads name it. */
export const comparatorName = (l: Pick<ComparatorLine, "label" | "periodLabel">) => `${l.label} ${l.periodLabel}`;
