// A small trend line for the summary table: the shape of the last months at a glance. Drawn from
// the frozen trend, so it is the same markup every time; hidden from screen readers, whose row
// already reads the figures, with the months named in words beside it.
import { chartMonths } from "@/lib/pack/snapshot/chart-spec";
import type { SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";

const W = 80,
  H = 20,
  PAD = 2;

/** The path of a sparkline: gaps break the line, every figure a point on it. */
export function sparklinePath(trend: { value: number | null }[]): string {
  const values = trend.map((t) => t.value).filter((v): v is number => v !== null);
  if (values.length === 0) return "";
  const lo = Math.min(...values),
    hi = Math.max(...values);
  const x = (i: number) => (trend.length > 1 ? PAD + (i / (trend.length - 1)) * (W - 2 * PAD) : W / 2);
  const y = (v: number) => (hi === lo ? H / 2 : PAD + (1 - (v - lo) / (hi - lo)) * (H - 2 * PAD));
  let d = "",
    pen = false;
  trend.forEach((t, i) => {
    if (t.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(0)} ${y(t.value).toFixed(0)}`;
    pen = true;
  });
  return d;
}

export function Sparkline({ ind }: { ind: Pick<SnapshotIndicator, "trend"> }) {
  const trend = chartMonths(ind);
  const d = sparklinePath(trend);
  if (!d) return null;
  const last = trend.at(-1);
  const end = last?.value !== null && last ? d.split(/[ML]/).at(-1)!.split(" ") : null;
  return (
    <svg className="app-sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="#1d70b8" strokeWidth="1.5" strokeLinejoin="round" />
      {end ? <circle cx={end[0]} cy={end[1]} r="2" fill="#0b0c0c" /> : null}
    </svg>
  );
}
