// The sign-off draws its charts in a Node process of its own (react-dom/server is not allowed in the
// app's server code). Other tests draw in process (test/charts-in-process.ts); this one goes through
// the real process, and checks both ways give the same SVG.
import { describe, expect, it } from "vitest";
import { renderInChildProcess } from "@/lib/pack/snapshot/render-charts";
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";
import { renderChart } from "../../../scripts/pack/render-charts.mjs";

const spec: ChartSpec = {
  code: "CP_PLANS",
  title: "Children on a child protection plan",
  description: "Up from 411 to 456 since July.",
  unit: "COUNT",
  decimals: 0,
  trend: [
    { month: "2019-06", value: 420 },
    { month: "2019-07", value: 411 },
    { month: "2019-08", value: 456 },
  ],
  target: 430,
  comparator: null,
};

describe("drawing a sign-off's charts", () => {
  it("draws each chart as accessible SVG in a child process, the same as in process", async () => {
    const charts = await renderInChildProcess([spec]);
    expect(Object.keys(charts)).toEqual(["CP_PLANS"]);
    expect(charts.CP_PLANS).toMatch(/^<svg[^>]* viewBox="0 0 300 130"[^>]*aria-labelledby="chart-cp-plans-title chart-cp-plans-desc"/);
    expect(charts.CP_PLANS).toContain('<title id="chart-cp-plans-title">Children on a child protection plan</title>');
    expect(charts.CP_PLANS).toBe(renderChart(spec));
  });

  it("keeps the indicator's decimals in the chart's words and axis labels: only coordinates are rounded", () => {
    const svg = renderChart({
      ...spec,
      code: "CP_RATE_10K",
      description: "Up from 86.8 per 10,000 to 89.2 per 10,000 since June. Dotted line: England at 31 March 2019, 44.5 per 10,000.",
      unit: "PERCENT",
      decimals: 1,
      trend: [
        { month: "2019-06", value: 0.4 },
        { month: "2019-07", value: 0.9 },
      ],
      target: null,
      comparator: { label: "England at 31 March 2019", value: 0.7 },
    });
    expect(svg).toContain("Up from 86.8 per 10,000 to 89.2 per 10,000 since June. Dotted line: England at 31 March 2019, 44.5 per 10,000.");
    expect(svg).toContain(">0.5%<"); // the middle tick of a 0-1% axis, not a second "1%"
    expect(svg.match(/<[^>]*\d\.\d[^>]*>/g)).toBeNull(); // no fractional coordinates in any tag
  });

  it("says why when the process fails", async () => {
    await expect(renderInChildProcess([{ ...spec, trend: null } as unknown as ChartSpec])).rejects.toThrow(/^Chart rendering failed: /);
  });
});
