// Runs scripts/pack/render-charts.mjs (nivo -> static SVG) in a separate Node process. Only the
// sign-off job calls this: the SVGs are stored with the snapshot and inserted as markup.
import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";

export type ChartRenderer = (specs: ChartSpec[]) => Promise<Record<string, string>>;

let renderer: ChartRenderer = renderInChildProcess;

/** Draws the charts: in a Node process of their own, unless a test has given another way (test/charts-in-process.ts). */
export function renderCharts(specs: ChartSpec[]): Promise<Record<string, string>> {
  return renderer(specs);
}

/** For tests: draw with this instead of a child process. */
export function setChartRenderer(next: ChartRenderer): void {
  renderer = next;
}

export function renderInChildProcess(specs: ChartSpec[]): Promise<Record<string, string>> {
  const script = path.join(process.cwd(), "scripts", "pack", "render-charts.mjs");
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`Chart rendering failed: ${stderr || error.message}`));
      try {
        resolve(JSON.parse(stdout) as Record<string, string>);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.stdin?.end(JSON.stringify(specs));
  });
}
