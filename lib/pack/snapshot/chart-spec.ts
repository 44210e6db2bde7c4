// What each trend chart shows and says: the series, target and comparator lines, and a title and
// description for people who cannot see it. Shared by the frozen and the live charts.
import type { PackSnapshot, SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";
import { formatMonth } from "@/lib/format/dates";
import { formatValue } from "@/lib/judgement";
import { comparatorName, packComparators } from "@/lib/pack/snapshot/pack-comparators";

export type ChartSpec = {
  code: string;
  title: string;
  description: string;
  unit: string;
  decimals: number;
  trend: { month: string; value: number | null }[];
  target: number | null;
  comparator: { label: string; value: number } | null;
};

/**
 * The charts drawn at sign-off, if they may be shown as drawn; null to draw them from the snapshot's
 * figures (as the live preview does). Before schema 7 a chart could draw a comparator the pack's
 * table does not give (a year not ended by the pack's month, or the typed figure beside DfE's), and
 * its words were rounded to whole numbers ("87" for 86.8).
 */
export function storedChartsToShow(schema: PackSnapshot["schema"], charts: PackSnapshot["charts"] | null): PackSnapshot["charts"] | null {
  return schema >= 7 ? charts : null;
}

/** The trend from the first month with a figure: an axis that starts before the data is half empty. */
export function chartMonths(ind: Pick<SnapshotIndicator, "trend">): SnapshotIndicator["trend"] {
  const start = ind.trend.findIndex((t) => t.value !== null || t.suppressed);
  return start < 0 ? [] : ind.trend.slice(start);
}

/**
 * Whether a chart would tell the reader anything: at least two figures, and figures in at least
 * half the months shown. A count that is a small number most months would otherwise be a line of
 * its few zeros, which says more than it knows.
 */
export function hasChart(ind: Pick<SnapshotIndicator, "trend">): boolean {
  const months = chartMonths(ind);
  const figures = months.filter((t) => t.value !== null).length;
  return figures >= 2 && figures * 2 >= months.filter((t) => t.value !== null || t.suppressed).length;
}

/**
 * The trend a chart draws, in words, for readers who cannot see it (its PDF has no month table):
 * "From 1,800 in April 2018 to 1,861 in July 2019; lowest 1,245 in August 2018, highest 1,861 in July 2019."
 */
export function trendInWords(trend: SnapshotIndicator["trend"], rules: { unit: SnapshotIndicator["unit"]; decimals: number }): string {
  const shown = trend.filter((t): t is typeof t & { value: number } => t.value !== null);
  if (shown.length < 2) return "";
  const at = (t: { month: string; value: number }) => `${formatValue(t.value, rules)} in ${formatMonth(t.month)}`;
  const low = shown.reduce((a, b) => (b.value < a.value ? b : a));
  const high = shown.reduce((a, b) => (b.value > a.value ? b : a));
  return `From ${at(shown[0])} to ${at(shown.at(-1)!)}; lowest ${at(low)}, highest ${at(high)}.`;
}

/** month: the pack's, for which comparator it may show (packComparators). */
export function chartSpecFor(ind: SnapshotIndicator, month: string): ChartSpec {
  const latest = packComparators(ind, month).headline;
  const trend = chartMonths(ind);
  const first = trend[0]?.month;
  const last = trend.at(-1)?.month;
  const rules = { unit: ind.unit, decimals: ind.decimals };
  const gaps = trend.filter((t) => t.unsigned).map((t) => formatMonth(t.month));
  const small = trend.some((t) => t.suppressed);
  return {
    code: ind.code,
    title: first && last ? `${ind.name}, ${formatMonth(first)} to ${formatMonth(last)}` : ind.name,
    description: [
      `${ind.summary}.`,
      ind.target ? `Dashed line: target ${formatValue(ind.target.value, rules)}.` : "",
      latest ? `Dotted line: ${comparatorName(latest)}, ${formatValue(latest.value, rules)}.` : "",
      gaps.length ? `Not yet signed off, so not shown: ${gaps.join(", ")}.` : "",
      small ? "Months with a small number are left out." : "",
      trendInWords(trend, rules),
    ]
      .filter(Boolean)
      .join(" "),
    unit: ind.unit,
    decimals: ind.decimals,
    trend: trend.map((t) => ({ month: t.month, value: t.value })),
    target: ind.target?.value ?? null,
    comparator: latest ? { label: comparatorName(latest), value: latest.value } : null,
  };
}
