// A factual starting point for a section's commentary, written from the figures so nobody retypes
// numbers the app already has. It says only what the figures show: a movement needs two figures
// (last month's, or the same month last year's when last month has none), and a missing figure is
// said to be missing. Commentary is published to the panel, so a suppressed small count is never
// written, nor any change that would reveal it.
import type { Unit } from "@/lib/generated/prisma/enums";
import { roundTo } from "@/lib/judgement/round";
import { isSuppressed } from "@/lib/judgement/suppression";
import { relativeChangeText } from "@/lib/judgement/movement-words";

export type SummaryFigure = {
  name: string;
  unit: Unit;
  decimals: number;
  suppressSmallNumbers: boolean;
  current: number | null;
  previous: number | null;
  lastYear: number | null;
};

type Labels = { month: string; previousMonth: string; lastYearMonth: string };
type Described = { line: string | null; settled: boolean };

const PRIVACY = "not shown to protect children's privacy";
const placesFor = (f: SummaryFigure) => (f.unit === "COUNT" ? 0 : Math.max(0, Math.min(10, Math.trunc(f.decimals))));
const fmt = (n: number, places: number) => n.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
const bare = (n: number, f: SummaryFigure) => `${fmt(n, placesFor(f))}${f.unit === "PERCENT" ? "%" : ""}`;
const full = (n: number, f: SummaryFigure) => `${bare(n, f)}${f.unit === "RATE_PER_10K" ? " per 10,000" : ""}`;

/** The change from `from` to `to` as displayed: null when both read the same, else "rose from ... (28%)". */
function movement(f: SummaryFigure, from: number, to: number, fromLabel?: string): string | null {
  const places = placesFor(f);
  const a = roundTo(from, places);
  const b = roundTo(to, places);
  const diff = roundTo(b - a, places);
  if (diff === 0) return null;
  let change: string;
  if (f.unit === "PERCENT") change = `${fmt(Math.abs(diff), places)} percentage points`;
  else if (a === 0) change = `up ${fmt(Math.abs(diff), places)}`;
  // The pack's rule for a change too small to show: "less than 1%", never "0%".
  else change = relativeChangeText(diff, a, 0);
  const when = fromLabel ? ` in ${fromLabel}` : "";
  return `${diff > 0 ? "rose" : "fell"} from ${bare(from, f)}${when} to ${full(to, f)} (${change})`;
}

function describe(f: SummaryFigure, l: Labels): Described {
  const rules = { unit: f.unit, decimals: f.decimals, suppressSmallNumbers: f.suppressSmallNumbers };
  if (f.current === null) return { line: `${f.name}: no figure for ${l.month}`, settled: false };
  if (isSuppressed(f.current, rules)) return { line: `${f.name}: a small number this month (${PRIVACY})`, settled: false };

  const lastMonth = f.previous !== null;
  const against = lastMonth ? f.previous : f.lastYear;
  const againstLabel = lastMonth ? l.previousMonth : l.lastYearMonth;
  const missing = lastMonth ? "" : `no figure for ${l.previousMonth}; `;
  if (against === null) {
    return {
      line: `${f.name}: ${full(f.current, f)} in ${l.month}; no figure for ${l.previousMonth} or ${l.lastYearMonth} to compare with`,
      settled: false,
    };
  }
  if (isSuppressed(against, rules)) {
    return {
      line: `${f.name}: ${missing}${full(f.current, f)} in ${l.month}; the change is not shown, as the figure for ${againstLabel} was a small number (${PRIVACY})`,
      settled: false,
    };
  }
  const moved = movement(f, against, f.current, lastMonth ? undefined : againstLabel);
  if (lastMonth) return { line: moved === null ? null : `${f.name} ${moved}`, settled: true };
  return { line: `${f.name}: ${missing}${moved ?? `${full(f.current, f)}, the same as in ${againstLabel}`}`, settled: false };
}

/**
 * One indicator's line: its movement since last month; or, when last month has no figure, since the
 * same month last year; or what is missing or withheld. Null only when this month and last month
 * both have a figure and they read the same at the indicator's displayed precision.
 */
export function describeMovement(f: SummaryFigure, monthLabel: string, previousMonthLabel: string, lastYearLabel: string): string | null {
  return describe(f, { month: monthLabel, previousMonth: previousMonthLabel, lastYearMonth: lastYearLabel }).line;
}

/**
 * Markdown for the section. When every indicator has this month's and last month's figures (none
 * withheld), a list of what moved, or a sentence saying nothing did. Otherwise every indicator is
 * listed, unchanged ones too, so an omission never stands in for a figure that is not there.
 */
export function buildFiguresSummary(
  figures: SummaryFigure[],
  monthLabel: string,
  previousMonthLabel: string,
  lastYearLabel: string,
): string {
  if (figures.length === 0) return `This section has no figures for ${monthLabel}.`;
  const labels = { month: monthLabel, previousMonth: previousMonthLabel, lastYearMonth: lastYearLabel };
  const described = figures.map((f) => ({ f, ...describe(f, labels) }));
  const complete = described.every((d) => d.settled);
  if (complete && described.every((d) => d.line === null))
    return `No figures in this section moved between ${previousMonthLabel} and ${monthLabel}.`;
  const lines = described
    .map((d) => d.line ?? (complete ? null : `${d.f.name} stayed at ${full(d.f.current!, d.f)}`))
    .filter((line): line is string => line !== null);
  return [`Figures for ${monthLabel} against ${previousMonthLabel}:`, "", ...lines.map((line) => `- ${line}.`)].join("\n");
}
