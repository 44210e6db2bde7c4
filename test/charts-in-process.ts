// Tests draw a sign-off's charts with the same function the chart process runs, in their own process:
// the app starts a Node process per sign-off (0.65 s each), which most tests need not pay for. One
// test (lib/pack/snapshot/render-charts.test.ts) still draws through the real process.
import { useChartRenderer } from "@/lib/pack/snapshot/render-charts";
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";
// @ts-expect-error: plain JavaScript module without types
import { renderChart } from "../scripts/pack/render-charts.mjs";

export function drawChartsInProcess(): void {
  useChartRenderer(async (specs: ChartSpec[]) => Object.fromEntries(specs.map((s) => [s.code, renderChart(s) as string])));
}
