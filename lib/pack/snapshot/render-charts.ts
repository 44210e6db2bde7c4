// Runs scripts/pack/render-charts.mjs (nivo -> static SVG) in a separate Node process. Only the
// sign-off job calls this: the SVGs are stored with the snapshot and inserted as markup.
import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";

export function renderCharts(specs: ChartSpec[]): Promise<Record<string, string>> {
  const script = path.join(process.cwd(), "scripts", "pack", "render-charts.mjs");
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`Chart rendering failed: ${stderr || error.message}`));
      try { resolve(JSON.parse(stdout)); } catch (e) { reject(e); }
    });
    child.stdin?.end(JSON.stringify(specs));
  });
}
