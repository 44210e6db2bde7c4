// The y axis of every trend chart, frozen (scripts/pack/render-charts.mjs, plain Node) and live
// (components/pack/live-trend-chart.tsx): plain JavaScript so both can import it.

/** A "nice" top for the y axis, so its three ticks (0, half, top) read as round numbers. */
export function niceMax(max, unit) {
  if (unit === "COUNT" && max <= 4) return 4; // whole-number ticks: 0, 2, 4
  if (!(max > 0)) return unit === "PERCENT" ? 100 : 1;
  const step = 10 ** Math.floor(Math.log10(max / 2));
  const top = [1, 2, 2.5, 5, 10].map((f) => f * step * 2).find((t) => t >= max * 1.05) ?? max * 1.1;
  return unit === "PERCENT" ? Math.min(100, top) : top;
}
