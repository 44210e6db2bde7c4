// The live preview's trend chart, built as SVG on the server: no JavaScript reaches the browser.
// Frozen packs use the nivo SVG rendered once at sign-off instead.
import type { SnapshotIndicator } from "@/lib/pack/snapshot-types";
import { formatShortMonth } from "@/lib/format/dates";

const W = 640, H = 260, M = { top: 20, right: 24, bottom: 40, left: 64 };

export function LiveTrendChart({ ind, title, description }: { ind: SnapshotIndicator; title: string; description: string }) {
  const values = [...ind.trend.map((t) => t.value), ind.target?.value].filter((v): v is number => typeof v === "number");
  const max = Math.max(...values, 0) * 1.1 || 1;
  const yMax = ind.unit === "PERCENT" ? Math.min(100, max) : max;
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const x = (i: number) => M.left + (ind.trend.length > 1 ? (i / (ind.trend.length - 1)) * iw : iw / 2);
  const y = (v: number) => M.top + ih - (v / yMax) * ih;
  const segments: string[] = [];
  let current = "";
  ind.trend.forEach((t, i) => {
    if (t.value === null) { if (current) segments.push(current); current = ""; return; }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(t.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const id = `live-${ind.code.toLowerCase()}`;
  const tickLabel = (v: number) => `${v.toLocaleString("en-GB", { maximumFractionDigits: ind.unit === "COUNT" ? 0 : 1 })}${ind.unit === "PERCENT" ? "%" : ""}`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="app-chart-svg" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e6e6e6" />
          <text x={M.left - 8} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#0b0c0c">{tickLabel(t)}</text>
        </g>
      ))}
      {ind.trend.map((t, i) => ((ind.trend.length - 1 - i) % 3 === 0 ? (
        <text key={t.month} x={x(i)} y={H - M.bottom + 20} textAnchor="middle" fontSize="12" fill="#0b0c0c">{formatShortMonth(t.month)}</text>
      ) : null))}
      {ind.target ? <line x1={M.left} x2={W - M.right} y1={y(ind.target.value)} y2={y(ind.target.value)} stroke="#0b0c0c" strokeWidth="2" strokeDasharray="8 4" /> : null}
      {segments.map((d, i) => <path key={i} d={d} fill="none" stroke="#1d70b8" strokeWidth="3" />)}
      {ind.trend.map((t, i) => (t.value === null ? null : <circle key={t.month} cx={x(i)} cy={y(t.value)} r="2.5" fill="#1d70b8" />))}
    </svg>
  );
}
