// The live preview's trend chart, built as SVG on the server from the same spec and geometry as the
// frozen charts: no JavaScript reaches the browser. Frozen packs use the nivo SVG made at sign-off.
import type { ChartSpec } from "@/lib/pack/snapshot/chart-spec";
import { formatShortMonth } from "@/lib/format/dates";
import { niceMax } from "@/lib/pack/snapshot/chart-scale.mjs";

// Made once: toLocaleString(locale, options) builds a formatter on every call, six per chart.
const TICK_WHOLE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const TICK_ONE_PLACE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

// The frozen charts' size (scripts/pack/render-charts.mjs WIDTH and HEIGHT).
const W = 300,
  H = 130,
  M = { top: 8, right: 18, bottom: 22, left: 40 };

export function LiveTrendChart({ spec }: { spec: ChartSpec }) {
  const values = [...spec.trend.map((t) => t.value), spec.target, spec.comparator?.value].filter((v): v is number => typeof v === "number");
  const yMax = niceMax(Math.max(...values, 0), spec.unit);
  const iw = W - M.left - M.right,
    ih = H - M.top - M.bottom;
  const n = spec.trend.length;
  const x = (i: number) => Math.round(M.left + (n > 1 ? (i / (n - 1)) * iw : iw / 2));
  const y = (v: number) => Math.round(M.top + ih - (v / yMax) * ih);
  let d = "",
    dots = "";
  spec.trend.forEach((t, i) => {
    if (t.value === null) {
      d += " ";
      return;
    }
    d += `${d === "" || d.endsWith(" ") ? "M" : "L"}${x(i)} ${y(t.value)}`;
    dots += `M${x(i)} ${y(t.value)}h0`;
  });
  const ticks = [0, 0.5, 1].map((f) => f * yMax);
  const id = `live-${spec.code.toLowerCase()}`;
  const step = Math.max(1, Math.ceil(n / 5));
  const tickLabel = (v: number) =>
    `${(spec.unit === "COUNT" ? TICK_WHOLE : TICK_ONE_PLACE).format(v)}${spec.unit === "PERCENT" ? "%" : ""}`;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="app-chart-svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      fontFamily="Arial, sans-serif"
      fontSize="11"
      fill="#0b0c0c"
    >
      <title id={`${id}-title`}>{spec.title}</title>
      <desc id={`${id}-desc`}>{spec.description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e6e6e6" />
          <text x={M.left - 4} y={y(t) + 4} textAnchor="end">
            {tickLabel(t)}
          </text>
        </g>
      ))}
      {spec.trend.map((t, i) =>
        (n - 1 - i) % step === 0 ? (
          <text key={t.month} x={x(i)} y={H - 6} textAnchor="middle">
            {formatShortMonth(t.month).replace(/ 20(\d\d)$/, " $1")}
          </text>
        ) : null,
      )}
      {spec.target !== null ? (
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(spec.target)}
          y2={y(spec.target)}
          stroke="#0b0c0c"
          strokeWidth="1.5"
          strokeDasharray="6 3"
        />
      ) : null}
      {spec.comparator ? (
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(spec.comparator.value)}
          y2={y(spec.comparator.value)}
          stroke="#505a5f"
          strokeWidth="1.5"
          strokeDasharray="2 2"
        />
      ) : null}
      <path d={d.trim()} fill="none" stroke="#1d70b8" strokeWidth="2" />
      <path d={dots} fill="none" stroke="#1d70b8" strokeWidth="5" strokeLinecap="round" />
    </svg>
  );
}
