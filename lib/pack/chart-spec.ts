// What each trend chart shows and says: the series, target and comparator lines, and a title and
// description for people who cannot see it. Shared by the frozen and the live charts.
import type { SnapshotIndicator } from "@/lib/pack/snapshot-types";
import { formatMonth } from "@/lib/format/dates";

export type ChartSpec = {
  code: string; title: string; description: string; unit: string; decimals: number;
  trend: { month: string; value: number | null }[]; target: number | null; comparator: { label: string; value: number } | null;
};

export function chartSpecFor(ind: SnapshotIndicator): ChartSpec {
  const comparable = ind.comparators.filter((c) => c.comparable);
  const latest = comparable.at(-1);
  const first = ind.trend[0]?.month;
  const last = ind.trend.at(-1)?.month;
  return {
    code: ind.code,
    title: `${ind.name}: trend ${first ? formatMonth(first) : ""} to ${last ? formatMonth(last) : ""}`,
    description: `${ind.summary}.${ind.target ? " A dashed line shows the target." : ""}${latest ? ` A dotted line shows ${latest.label} ${latest.periodLabel}.` : ""} The table below the chart gives every month's figure.`,
    unit: ind.unit,
    decimals: ind.decimals,
    trend: ind.trend,
    target: ind.target?.value ?? null,
    comparator: latest ? { label: `${latest.label} ${latest.periodLabel}`, value: latest.value } : null,
  };
}

