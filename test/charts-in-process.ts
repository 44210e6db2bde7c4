// Tests draw a sign-off's charts with the same function the chart process runs, in their own process:
// the app starts a Node process per sign-off (0.65 s each), which most tests need not pay for. One
// test (lib/pack/snapshot/render-charts.test.ts) still draws through the real process. The chart
// code (nivo) is loaded on the first sign-off only: most test files never sign off.
import { setChartRenderer } from "@/lib/pack/snapshot/render-charts";
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";

export function drawChartsInProcess(): void {
  setChartRenderer(async (specs: ChartSpec[]) => {
    const { renderChart } = await import("../scripts/pack/render-charts.mjs");
    return Object.fromEntries(specs.map((s) => [s.code, renderChart(s)]));
  });
}
