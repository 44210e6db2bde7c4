// Renders a signed-off pack's trend charts to static SVG with nivo, once, at sign-off. Runs as a
// plain Node process because Next does not allow react-dom/server inside the app's server code.
// stdin: JSON array of chart specs; stdout: JSON object { [code]: "<svg ...>" }.
import React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Line } from "@nivo/line";

const WIDTH = 640;
const HEIGHT = 260;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const escapeXml = (s) => String(s).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
const shortMonth = (m) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;

function formatTick(v, spec) {
  const n = Number(v).toLocaleString("en-GB", { maximumFractionDigits: spec.unit === "COUNT" ? 0 : 1 });
  return spec.unit === "PERCENT" ? `${n}%` : n;
}

export function renderChart(spec) {
  const points = spec.trend.map((t) => ({ x: t.month, y: t.value }));
  const values = [...spec.trend.map((t) => t.value), spec.target, spec.comparator?.value].filter((v) => typeof v === "number");
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const yMax = spec.unit === "PERCENT" ? Math.min(100, Math.ceil(max * 1.1)) || 100 : Math.ceil(max * 1.1) || 1;
  const markers = [];
  if (typeof spec.target === "number") {
    markers.push({ axis: "y", value: spec.target, lineStyle: { stroke: "#0b0c0c", strokeWidth: 2, strokeDasharray: "8 4" }, legend: `Target ${formatTick(spec.target, spec)}`, legendPosition: "top-left", textStyle: { fill: "#0b0c0c", fontSize: 12, fontFamily: "Arial, sans-serif" } });
  }
  if (spec.comparator) {
    markers.push({ axis: "y", value: spec.comparator.value, lineStyle: { stroke: "#505a5f", strokeWidth: 2, strokeDasharray: "2 3" }, legend: `${spec.comparator.label} ${formatTick(spec.comparator.value, spec)}`, legendPosition: "bottom-right", textStyle: { fill: "#505a5f", fontSize: 12, fontFamily: "Arial, sans-serif" } });
  }
  const element = React.createElement(Line, {
    data: [{ id: spec.code, data: points }],
    width: WIDTH, height: HEIGHT, animate: false, isInteractive: false, useMesh: false,
    margin: { top: 20, right: 24, bottom: 40, left: 64 },
    xScale: { type: "point" },
    yScale: { type: "linear", min: min < 0 ? min : 0, max: yMax },
    colors: ["#1d70b8"], lineWidth: 3, pointSize: 5, pointColor: "#1d70b8", enableGridX: false,
    axisBottom: { tickValues: spec.trend.filter((_, i) => (spec.trend.length - 1 - i) % 3 === 0).map((t) => t.month), format: shortMonth, tickSize: 5 },
    axisLeft: { tickValues: 5, format: (v) => formatTick(v, spec), tickSize: 5 },
    markers,
    theme: { text: { fontFamily: "Arial, sans-serif", fontSize: 12, fill: "#0b0c0c" }, grid: { line: { stroke: "#e6e6e6" } }, axis: { domain: { line: { stroke: "#b1b4b6", strokeWidth: 1 } } } },
    role: "img",
  });
  let svg = renderToStaticMarkup(element);
  svg = svg.slice(svg.indexOf("<svg"), svg.lastIndexOf("</svg>") + 6);
  const id = `chart-${spec.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  svg = svg.replace(/^<svg([^>]*?) width="\d+" height="\d+"/, `<svg$1 viewBox="0 0 ${WIDTH} ${HEIGHT}" class="app-chart-svg"`);
  svg = svg.replace(/^<svg([^>]*)>/, `<svg$1 aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(spec.title)}</title><desc id="${id}-desc">${escapeXml(spec.description)}</desc>`);
  // Coordinates to one decimal place: the same picture in a third of the bytes.
  return svg.replace(/(\d+\.\d)\d+/g, "$1");
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
  main().catch((e) => { console.error(e?.stack ?? e); process.exit(1); });
}
