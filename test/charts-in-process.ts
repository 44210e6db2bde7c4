// Tests draw a sign-off's charts with the same function the chart process runs, in their own process:
// the app starts a Node process per sign-off (0.65 s each), which most tests need not pay for. One
// test (lib/pack/snapshot/render-charts.test.ts) still draws through the real process.
import { setChartRenderer } from "@/lib/pack/snapshot/render-charts";
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";
import { renderChart } from "../scripts/pack/render-charts.mjs";

export function drawChartsInProcess(): void {
  setChartRenderer((specs: ChartSpec[]) => Promise.resolve(Object.fromEntries(specs.map((s) => [s.code, renderChart(s)]))));
}
