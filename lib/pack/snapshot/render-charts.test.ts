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
    expect(charts.CP_PLANS).toMatch(/^<svg[^>]* viewBox="0 0 300 150"[^>]*aria-labelledby="chart-cp-plans-title chart-cp-plans-desc"/);
    expect(charts.CP_PLANS).toContain('<title id="chart-cp-plans-title">Children on a child protection plan</title>');
    expect(charts.CP_PLANS).toBe(renderChart(spec));
  });

  it("says why when the process fails", async () => {
    await expect(renderInChildProcess([{ ...spec, trend: null } as unknown as ChartSpec])).rejects.toThrow(/^Chart rendering failed: /);
  });
});
