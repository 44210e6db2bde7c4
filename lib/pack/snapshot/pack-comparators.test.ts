// One England figure per indicator (issue 25): the July 2019 pack's table gave DfE's "England at 31
// March 2019: 44.5" for child protection plans per 10,000 while its chart drew the catalogue's
// "England 2019-20, 43", a year that ended eight months after the pack's. The table, the chart, its
// caption and description, the downloads and the definitions now all read packComparators.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { chartSpecFor } from "@/lib/pack/snapshot/chart-spec";
import { packComparators, periodEnd, periodHadEnded, typedComparatorsToFreeze } from "@/lib/pack/snapshot/pack-comparators";
import { EXPORT_COLUMNS, exportRows } from "@/lib/pack/delivery/export-rows";
import type { PackSnapshot, SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";
import type { NationalComparators } from "@/lib/national/national-comparators";
import { PackSection } from "@/components/pack/pack-section";
import { PackDocument } from "@/components/pack/pack-document";
import { PackDefinitions } from "@/components/pack/pack-definitions";
import { sampleSnapshot } from "@/test/pack-fixtures";

const MONTH = "2019-07";
const html = (el: unknown) => renderToStaticMarkup(el as ReactElement);
const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);

const trend = (values: number[]): SnapshotIndicator["trend"] =>
  values.map((value, i) => ({ month: `2019-${String(i + 1).padStart(2, "0")}`, value }));

function national(code: string, england: number, region: number): NationalComparators {
  return {
    measureCode: code,
    measureName: `DfE ${code}`,
    england: { year: "2019", yearLabel: "at 31 March 2019", value: england, symbol: null },
    region: { name: "Yorkshire and the Humber", year: "2019", yearLabel: "at 31 March 2019", value: region, symbol: null },
    neighbours: { year: "2019", yearLabel: "at 31 March 2019", mean: 61.8, count: 10, of: 10 },
    own: null,
  };
}

/** An indicator as the July 2019 pack froze it before this fix: DfE's figures and the typed ones, 2019-20 among them. */
function indicator(over: Partial<SnapshotIndicator>): SnapshotIndicator {
  const base = sampleSnapshot(MONTH).sections[0].indicators[2];
  return {
    ...base,
    unit: "RATE_PER_10K",
    polarity: "NEITHER",
    decimals: 1,
    target: null,
    rag: null,
    value: 89.2,
    lastMonth: 86.8,
    summary: "Up from 86.8 per 10,000 to 89.2 per 10,000 since June",
    trend: trend([80.1, 82.4, 84, 85.5, 86, 86.8, 89.2]),
    ...over,
  };
}

const cpRate = indicator({
  code: "CP_RATE_10K",
  name: "Child protection plans per 10,000",
  comparators: [
    { label: "England", periodLabel: "2018-19", value: 43.7, source: "DfE CIN census", comparable: true },
    { label: "England", periodLabel: "2019-20", value: 42.8, source: "DfE CIN census", comparable: true },
  ],
  national: national("CPP_rate", 44.5, 50.2),
});
const referralRate = indicator({
  code: "REFERRALS_RATE_10K",
  name: "Referral rate per 10,000",
  value: 962.8,
  lastMonth: 959.2,
  trend: trend([930, 940, 950, 955, 958, 959.2, 962.8]),
  comparators: [
    { label: "England", periodLabel: "2018-19", value: 544.5, source: null, comparable: true },
    { label: "England", periodLabel: "2019-20", value: 534.8, source: null, comparable: true },
  ],
  national: national("CPP_Total_Rateper10,000", 553.7, 629.1),
});
const healthChecks = indicator({
  code: "CLA_HEALTH_PCT",
  name: "LAC health assessments up to date",
  unit: "PERCENT",
  comparators: [
    { label: "England", periodLabel: "2018-19", value: 90, source: null, comparable: true },
    { label: "England", periodLabel: "2019-20", value: 90.5, source: null, comparable: true },
  ],
});

function julySnapshot(schema: PackSnapshot["schema"] = 6): PackSnapshot {
  const snap = sampleSnapshot(MONTH);
  snap.schema = schema;
  snap.sections[0].indicators = [cpRate, referralRate, healthChecks];
  // The charts as the old sign-off drew them: the typed 2019-20 line, words rounded to whole numbers.
  snap.charts = { CP_RATE_10K: '<svg class="app-chart-svg"><desc>Dotted line: England 2019-20, 43 per 10,000.</desc></svg>' };
  return snap;
}

/** The section table's row for an indicator, and its figure (chart, caption and figures table). */
function rendered(code: string, snap = julySnapshot()) {
  const page = html(createElement(PackSection, { section: snap.sections[0], index: 0, month: MONTH, charts: null }));
  const row = page.match(new RegExp(`<tr[^>]*><th[^>]*id="ind-${code}".*?</tr>`))![0];
  const figure = page.match(new RegExp(`<figure[^>]*id="chart-${code}".*?</figure>`))![0];
  return { page, row, figure };
}

describe("one England figure for an indicator, in every place the pack gives it", () => {
  it.each([
    [cpRate, "44.5", "44.5 per 10,000"],
    [referralRate, "553.7", "553.7 per 10,000"],
  ])("$code: the chart's line, caption and description and the download give the table's DfE figure", (ind, table, words) => {
    const { row, figure } = rendered(ind.code);
    expect(row).toContain(`England at 31 March 2019: <b>${table}</b>`);
    const spec = chartSpecFor(ind, MONTH);
    expect(spec.comparator).toEqual({ label: "England at 31 March 2019", value: Number(table) });
    expect(spec.description).toContain(`Dotted line: England at 31 March 2019, ${words}.`);
    expect(figure).toContain(`England at 31 March 2019: ${words}.`);
    const row1 = exportRows(julySnapshot()).find((r) => r.cells[col("Code")] === ind.code)!;
    expect(row1.cells[col("England")]).toBe(Number(table));
    expect(row1.cells[col("England period")]).toBe("England at 31 March 2019");
    // The typed figures are not a second source beside DfE's, in any year.
    expect(`${row}${figure}${spec.description}`).not.toMatch(/2019-20|2018-19|42\.8|43\.7|534\.8|544\.5/);
  });

  it("never shows a year that had not ended by the pack's month: a typed 2019-20 figure waits for the May 2020 pack", () => {
    const { row, figure } = rendered(healthChecks.code);
    expect(row).toContain("England 2018-19: <b>90.0%</b>");
    expect(`${row}${figure}`).not.toContain("2019-20");
    expect(chartSpecFor(healthChecks, MONTH).comparator).toEqual({ label: "England 2018-19", value: 90 });
    expect(exportRows(julySnapshot()).find((r) => r.cells[col("Code")] === healthChecks.code)!.cells[col("England period")]).toBe(
      "England 2018-19",
    );
    expect(packComparators(healthChecks, "2020-02").headline).toMatchObject({ periodLabel: "2018-19" });
    expect(packComparators(healthChecks, "2020-03").headline).toMatchObject({ periodLabel: "2019-20", value: 90.5 });
    // DfE's years too: a snapshot frozen with a year after its month does not show it.
    const early = packComparators(cpRate, "2019-02");
    expect(early.lines).toEqual([]);
    expect(early.headline).toBeNull();
  });

  it("draws an older pack's charts again from its figures, so they agree with its table", () => {
    const old = html(
      createElement(PackDocument, { snapshot: julySnapshot(6), charts: julySnapshot(6).charts, signed: true, amendments: [] }),
    );
    expect(old).not.toContain("England 2019-20, 43");
    expect(old).toContain("Dotted line: England at 31 March 2019, 44.5 per 10,000.");
    // A pack signed off under the rule shows the charts drawn at its sign-off.
    const current = html(
      createElement(PackDocument, { snapshot: julySnapshot(7), charts: julySnapshot(7).charts, signed: true, amendments: [] }),
    );
    expect(current).toContain("England 2019-20, 43");
  });

  it("names DfE's measure as the source of a linked indicator's comparators", () => {
    const defs = html(createElement(PackDefinitions, { snapshot: julySnapshot() }));
    expect(defs).toContain("Comparator source: DfE, DfE CPP_rate (CPP_rate).");
    expect(defs).not.toContain("DfE CIN census");
  });

  it("freezes only what the pack may show", () => {
    const typed = [{ periodLabel: "2018-19" }, { periodLabel: "2019-20" }];
    expect(typedComparatorsToFreeze(typed, false, MONTH)).toEqual([{ periodLabel: "2018-19" }]);
    expect(typedComparatorsToFreeze(typed, true, MONTH)).toEqual([]);
  });
});

describe("the end of a comparator's period", () => {
  it.each([
    ["2018-19", "2019-03"],
    ["1999-00", "2000-03"],
    ["2014-16", "2016-03"],
    ["2018-2019", "2019-03"],
    ["2018/19", "2019-08"],
    ["at 31 March 2019", "2019-03"],
    ["Sept 2019", "2019-09"],
    ["2019-03", "2019-03"],
    ["year 2019", "2019-12"],
    ["2019", "2019-12"],
    ["Q1 2019-20", "2020-03"],
    ["latest", null],
  ])("%s ends %s", (label, end) => {
    expect(periodEnd(label)).toBe(end);
  });

  it("lets a pack show a period that ended in or before its month", () => {
    expect(periodHadEnded("2019-03", "2019-03")).toBe(true);
    expect(periodHadEnded("2019-03", "2019-02")).toBe(false);
    expect(periodHadEnded(null, "2019-02")).toBe(true);
  });
});
