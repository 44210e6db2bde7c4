// npx tsx scripts/annex-a/make-annex-a-workbook-cli.ts --month 2020-03 --months 18 --scale 2.5 --out /tmp/x.xlsx
// Writes a synthetic Annex A workbook and prints the rows per list, the file's size, the time it took
// and the process's peak memory. Options: --seed N, --lists 1,3,8, --quirks all | none | a,b,c
// (quirk names as in AnnexAQuirks; codePrefixes=mixed, sheetNames=L1 and the like for the others).
import { writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { writeAnnexAWorkbook, type AnnexAQuirks } from "./make-annex-a-workbook";

const ALL: AnnexAQuirks = {
  sharedStrings: true,
  headerVariants: true,
  textDates: true,
  codePrefixes: "mixed",
  blankRows: true,
  duplicates: true,
  invalidDates: true,
  numericIds: true,
  sheetNames: "List 1 - Contacts",
  extraColumns: true,
  na: true,
};

function readQuirks(text: string): AnnexAQuirks {
  if (text === "all") return ALL;
  if (text === "none" || text === "") return {};
  const quirks: Record<string, unknown> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split("=");
    if (!(name in ALL)) throw new Error(`unknown quirk ${name} (known: ${Object.keys(ALL).join(", ")})`);
    quirks[name] = value ?? (typeof ALL[name as keyof AnnexAQuirks] === "boolean" ? true : ALL[name as keyof AnnexAQuirks]);
  }
  return quirks;
}

const { values } = parseArgs({
  options: {
    month: { type: "string" },
    months: { type: "string", default: "18" },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
    lists: { type: "string" },
    quirks: { type: "string", default: "none" },
    out: { type: "string" },
  },
});
if (!values.month || !values.out) {
  console.error(
    "usage: make-annex-a-workbook-cli.ts --month YYYY-MM --out file.xlsx [--months 18] [--scale 1] [--seed 1] [--lists 1,3,...] [--quirks all|none|a,b=c]",
  );
  process.exit(2);
}

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const started = performance.now();
const written = await writeAnnexAWorkbook({
  month: values.month,
  monthsCovered: Number(values.months),
  scale: Number(values.scale),
  seed: Number(values.seed),
  quirks: readQuirks(values.quirks ?? "none"),
  ...(values.lists ? { lists: values.lists.split(",").map(Number) } : {}),
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await writeFile(values.out, written.buffer);

const n = (x: number) => x.toLocaleString("en-GB");
console.log(
  `Annex A workbook for ${values.month}: lists as at ${written.asAt.toISOString().slice(0, 10)}, covering from ${written.coversFrom.toISOString().slice(0, 10)}`,
);
for (const s of written.sheets) {
  console.log(
    `  ${s.name.padEnd(28)} ${n(s.rows).padStart(9)} rows${s.duplicates ? ` (${n(s.duplicates)} duplicated)` : ""}${s.blankRows ? `, ${n(s.blankRows)} blank` : ""}`,
  );
}
console.log(`  ${"total".padEnd(28)} ${n(written.sheets.reduce((sum, s) => sum + s.rows, 0)).padStart(9)} rows`);
console.log(
  `${values.out}: ${(written.buffer.length / 1024 / 1024).toFixed(1)} MB, written in ${seconds.toFixed(1)} s, peak memory ${Math.round(peak / 1024 / 1024)} MB`,
);
