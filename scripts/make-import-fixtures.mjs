// Writes the import test fixtures that must come from LibreOffice Calc (a real third-party writer of
// XLSX): each sheet is described here as a flat ODS document, then `soffice --convert-to xlsx` saves
// it. Run by hand when a fixture changes (needs Debian's libreoffice-calc); the tests only read the
// committed .xlsx files, so the suite does not need LibreOffice.
//   node scripts/make-import-fixtures.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const OUT = new URL("../test/fixtures/", import.meta.url).pathname;
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A cell: a string, a number, { date: "2019-04-01" } (a date cell shown as Apr-19) or { formula, value }. */
function cell(c) {
  if (c === null || c === undefined || c === "") return "<table:table-cell/>";
  if (typeof c === "number")
    return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  if (typeof c === "object" && c.date)
    return `<table:table-cell table:style-name="monthcell" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
}

function fods(rows) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="mmmyy"><number:month number:textual="true"/><number:text>-</number:text><number:year/></number:date-style>
  <style:style style:name="monthcell" style:family="table-cell" style:data-style-name="mmmyy"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="Scorecard">
${rows.map((r) => `  <table:table-row>${r.map(cell).join("")}</table:table-row>`).join("\n")}
 </table:table></office:spreadsheet></office:body>
</office:document>`;
}

function save(name, rows) {
  const dir = mkdtempSync(join(tmpdir(), "fixtures-"));
  const source = join(dir, name.replace(/\.xlsx$/, ".fods"));
  writeFileSync(source, fods(rows));
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      dir,
      source,
    ],
    { stdio: "inherit" },
  );
  copyFileSync(join(dir, name), join(OUT, name));
  console.log(`wrote test/fixtures/${name}`);
}

const addMonths = (month, n) => {
  const [y, m] = month.split("-").map(Number);
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
};

// 1. A council's two years of history as an analyst's scorecard: one row per indicator (code and
//    name), one date-cell column per month. The figures are the demo's April 2018 to March 2020,
//    headed April 2000 to March 2002 so that importing them (in the browser test) lands long before
//    the demo's first opened month and changes none of its packs.
const seed = new URL("../prisma/seed/data/", import.meta.url).pathname;
const indicators = readFileSync(join(seed, "indicators.csv"), "utf8").trim().split(/\r?\n/);
const header = indicators[0].split(",");
const codeAt = header.indexOf("code");
const nameAt = header.indexOf("name");
const parseLine = (line) =>
  line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
const catalogue = indicators
  .slice(1)
  .map(parseLine)
  .map((f) => ({ code: f[codeAt], name: f[nameAt] }));
const values = new Map();
for (const line of readFileSync(join(seed, "values.csv"), "utf8").trim().split(/\r?\n/).slice(1)) {
  const [code, period, value] = line.split(",");
  values.set(`${code}|${period}`, value);
}
const months = Array.from({ length: 24 }, (_, i) => addMonths("2018-04", i));
const headed = Array.from({ length: 24 }, (_, i) => addMonths("2000-04", i));
save("history-24-months-libreoffice.xlsx", [
  ["indicator_code", "Indicator", ...headed.map((m) => ({ date: `${m}-01` }))],
  ...catalogue.map(({ code, name }) => [
    code,
    name,
    ...months.map((m) => {
      const v = values.get(`${code}|${m}`);
      return v === undefined || v === "" ? "" : Number.isNaN(Number(v)) ? v : Number(v);
    }),
  ]),
]);

// 2. Every way a month heading arrives: text in three forms, a date cell, and a bare serial number.
save("wide-month-headers-libreoffice.xlsx", [
  ["Indicator", "Unit", "Apr-19", 43586, { date: "2019-06-01" }, "July 2019", "2019-08"],
  ["Contacts received", "count", 1337, 1402, 1290, 1310, 1288],
]);
