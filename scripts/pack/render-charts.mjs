// Renders a signed-off pack's trend charts to static SVG with nivo, once, at sign-off. Runs as a
// plain Node process because Next does not allow react-dom/server inside the app's server code.
// stdin: JSON array of chart specs; stdout: JSON object { [code]: "<svg ...>" }.
// Small multiples: several charts share a row on screen and an A4 page, so each is small and its
// markup lean (integer coordinates, every point in one path, no per-point groups).
import React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Line } from "@nivo/line";
import { niceMax } from "../../lib/pack/snapshot/chart-scale.mjs";

export const WIDTH = 300;
// 130 high (150 before issue 25): a plot 100 units tall still shows a 24-month trend, in less of the page.
export const HEIGHT = 130;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FONT = "Arial, sans-serif";

const escapeXml = (s) =>
  String(s).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
const shortMonth = (m) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;

function formatTick(v, spec) {
  const n = Number(v).toLocaleString("en-GB", { maximumFractionDigits: spec.unit === "COUNT" ? 0 : 1 });
  return spec.unit === "PERCENT" ? `${n}%` : n;
}

/** Every point as a round dot in one path: a lone month between gaps stays visible. */
function PointsLayer({ points }) {
  const d = points
    .filter((p) => p.data.y !== null)
    .map((p) => `M${Math.round(p.x)} ${Math.round(p.y)}h0`)
    .join("");
  return d ? React.createElement("path", { d, stroke: "#1d70b8", strokeWidth: 5, strokeLinecap: "round", fill: "none" }) : null;
}

/** A marker line's name at its right-hand end, above or below the line, on a white halo so the trend
 * line never hides it. At the axis labels' size, which print keeps at 8 pt or more (globals.scss). */
function lineLabel(text, above) {
  return {
    legend: text,
    legendPosition: above ? "top-right" : "bottom-right",
    legendOffsetX: 2,
    legendOffsetY: 7,
    textStyle: { fontWeight: "bold", fill: "#0b0c0c", stroke: "#fff", strokeWidth: 3, paintOrder: "stroke" },
  };
}

export function renderChart(spec) {
  const points = spec.trend.map((t) => ({ x: t.month, y: t.value }));
  const values = [...spec.trend.map((t) => t.value), spec.target, spec.comparator?.value].filter((v) => typeof v === "number");
  const min = Math.min(...values, 0);
  const yMax = niceMax(Math.max(...values, 0), spec.unit);
  const markers = [];
  // Each line is named where it ends, not only in the caption: the target and England lines can
  // nearly coincide (care leavers in education, 55% and 53%). The higher line's name goes above it and
  // the lower's below, so the two names never overlap, however close the lines are.
  const both = typeof spec.target === "number" && spec.comparator;
  const targetAbove = !both || spec.target >= spec.comparator.value;
  if (typeof spec.target === "number")
    markers.push({
      axis: "y",
      value: spec.target,
      lineStyle: { stroke: "#0b0c0c", strokeWidth: 1.5, strokeDasharray: "6 3" },
      ...lineLabel("Target", targetAbove),
    });
  if (spec.comparator)
    markers.push({
      axis: "y",
      value: spec.comparator.value,
      lineStyle: { stroke: "#505a5f", strokeWidth: 1.5, strokeDasharray: "2 2" },
      ...lineLabel(spec.comparator.label, !targetAbove || !both),
    });
  const step = Math.max(1, Math.ceil(spec.trend.length / 5));
  const yTicks = [min < 0 ? min : 0, yMax / 2, yMax];
  const element = React.createElement(Line, {
    data: [{ id: spec.code, data: points }],
    width: WIDTH,
    height: HEIGHT,
    animate: false,
    isInteractive: false,
    useMesh: false,
    margin: { top: 8, right: 18, bottom: 22, left: 40 },
    xScale: { type: "point" },
    yScale: { type: "linear", min: min < 0 ? min : 0, max: yMax },
    colors: ["#1d70b8"],
    lineWidth: 2.5,
    enablePoints: false,
    enableGridX: false,
    gridYValues: yTicks,
    axisBottom: {
      tickValues: spec.trend.filter((_, i) => (spec.trend.length - 1 - i) % step === 0).map((t) => t.month),
      format: shortMonth,
      tickSize: 0,
      tickPadding: 4,
    },
    axisLeft: { tickValues: yTicks, format: (v) => formatTick(v, spec), tickSize: 0, tickPadding: 4 },
    markers,
    layers: ["grid", "markers", "axes", "lines", PointsLayer],
    theme: {
      text: { fontFamily: FONT, fontSize: 11, fill: "#0b0c0c" },
      grid: { line: { stroke: "#e6e6e6" } },
      axis: { domain: { line: { stroke: "#b1b4b6", strokeWidth: 1 } } },
    },
    role: "img",
  });
  let svg = renderToStaticMarkup(element);
  svg = svg.slice(svg.indexOf("<svg"), svg.lastIndexOf("</svg>") + 6);
  const id = `chart-${spec.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  svg = svg.replace(/^<svg([^>]*?) width="\d+" height="\d+"/, `<svg$1 viewBox="0 0 ${WIDTH} ${HEIGHT}" class="app-chart-svg"`);
  svg = svg.replace(
    /^<svg([^>]*)>/,
    `<svg$1 aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(spec.title)}</title><desc id="${id}-desc">${escapeXml(spec.description)}</desc>`,
  );
  return compactSvg(svg);
}

/** The same picture in fewer bytes: whole-pixel coordinates, and styles nivo repeats on every tick
 * said once on the root. Only numbers inside tags are rounded: the title, description and tick
 * labels are words, and keep the indicator's decimals ("86.8", not "87"). */
export function compactSvg(svg) {
  return (
    svg
      .replace(/<[^>]*>/g, (tag) => tag.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n)))))
      .replace(/ style="opacity:1"/g, "")
      .replace(/ opacity="1"/g, "")
      .replace(/<rect width="\d+" height="\d+" fill="transparent"><\/rect>/, "")
      .replace(/<line x1="0" x2="0" y1="0" y2="0" style="stroke:#777777;stroke-width:1"><\/line>/g, "")
      .replace(/ rotate\(0\)/g, "")
      .replace(/ style="font-family:Arial, sans-serif;font-size:11px;fill:#0b0c0c(;outline-width:0;outline-color:transparent)?"/g, "")
      .replace(/ style="stroke:#000000;stroke-width:1"/g, ' stroke="#b1b4b6"')
      // The axes' and line names' repeated text attributes as classes (globals.scss, .app-chart-svg):
      // 13 KB of the pack page's 250 KB budget.
      .replace(/<text dominant-baseline="text-before-edge" text-anchor="middle"/g, '<text class="cx"')
      .replace(/<text dominant-baseline="central" text-anchor="end"/g, '<text class="cy"')
      .replace(
        / text-anchor="end" dominant-baseline="central" style="font-weight:bold;fill:#0b0c0c;stroke:#fff;stroke-width:3;paint-order:stroke"/g,
        ' class="cl"',
      )
      .replace(/^<svg/, `<svg font-family="${FONT}" font-size="11" fill="#0b0c0c"`)
  );
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const specs = JSON.parse(input);
  const out = {};
  for (const spec of specs) out[spec.code] = renderChart(spec);
  process.stdout.write(JSON.stringify(out));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}
