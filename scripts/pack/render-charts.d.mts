// Types for render-charts.mjs, for the tests written in TypeScript.
import type { ChartSpec } from "../../lib/pack/snapshot/chart-spec";

export declare const WIDTH: number;
export declare const HEIGHT: number;
/** The chart as static SVG markup. */
export declare function renderChart(spec: ChartSpec): string;
export declare function compactSvg(svg: string): string;
