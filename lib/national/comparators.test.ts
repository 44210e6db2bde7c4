import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { neighboursAverage, rankAndQuartile, yearLabel, yearOrder } from "@/lib/national/comparators";
import { readNationalValue, describeSymbol } from "@/lib/national/symbols";
import { buildNationalComparators, type MeasureFigures } from "@/lib/national/national-comparators";

describe("neighboursAverage", () => {
  it("is the mean of the neighbours that have a figure, and says how many of how many", () => {
    const figures = [10, 20, null, 30].map((v) => (v === null ? { value: null, symbol: "c" } : { value: v, symbol: null }));
    expect(neighboursAverage([...figures, undefined])).toEqual({ mean: 20, count: 3, of: 5 });
    expect(neighboursAverage([{ value: null, symbol: "x" }])).toEqual({ mean: null, count: 0, of: 1 });
  });
});

describe("rankAndQuartile", () => {
  const all = [10, 20, 30, 40, 50, 60, 70, 80];
  it("ranks 1 as the best for the measure's polarity, ties sharing the best rank", () => {
    expect(rankAndQuartile(80, all, "HIGHER_IS_BETTER")).toEqual({ rank: 1, of: 8, quartile: 1 });
    expect(rankAndQuartile(80, all, "LOWER_IS_BETTER")).toEqual({ rank: 8, of: 8, quartile: 4 });
    expect(rankAndQuartile(30, all, "LOWER_IS_BETTER")).toEqual({ rank: 3, of: 8, quartile: 2 });
    expect(rankAndQuartile(40, [...all, 40], "HIGHER_IS_BETTER")).toEqual({ rank: 5, of: 9, quartile: 3 });
    expect(rankAndQuartile(20, all, "HIGHER_IS_BETTER")).toEqual({ rank: 7, of: 8, quartile: 4 });
  });
  it("gives no rank when the measure has no better direction", () => {
    expect(rankAndQuartile(20, all, "NEITHER")).toBeNull();
  });
});

describe("yearLabel", () => {
  it("labels each year as DfE means it", () => {
    expect(yearLabel("2025", "Financial Year")).toBe("2024-25");
    expect(yearLabel("2025", "Annual")).toBe("at 31 March 2025");
    expect(yearLabel("2025", "Academic Year")).toBe("2024/25");
    expect(yearLabel("2014-16", "Financial Year")).toBe("2014-16");
    expect(yearLabel("202425", "Financial Year")).toBe("2024-25");
    expect(yearLabel("2000", "Financial Year")).toBe("1999-00");
  });
  it("orders ranges by their last year", () => {
    expect(["2016", "2014-16", "2015"].sort((a, b) => yearOrder(a) - yearOrder(b))).toEqual(["2015", "2016", "2014-16"]);
  });
});

describe("symbols", () => {
  it("keeps each of DfE's symbols as a reason, never a zero", () => {
    for (const s of ["-", "c", "x", "z", "low", "u", "k", ":", "~", "C", "LOW"]) {
      const read = readNationalValue(s);
      expect(read, s).toEqual({ value: null, symbol: s.toLowerCase() });
    }
    expect(describeSymbol("c")).toBe("suppressed (c)");
    expect(describeSymbol("-")).toBe("not published (-)");
  });
  it("reads numbers, and refuses text and empty cells saying why", () => {
    expect(readNationalValue("12.5")).toEqual({ value: 12.5, symbol: null });
    expect(readNationalValue("1,234")).toEqual({ value: 1234, symbol: null });
    expect(readNationalValue("n/a")).toEqual({ error: stringContaining('"n/a" is neither a number nor one of DfE\'s symbols') });
    expect(readNationalValue("")).toEqual({ error: stringContaining("the cell is empty") });
  });
});

describe("buildNationalComparators", () => {
  const f = (areaCode: string, year: string, value: number | null, symbol: string | null = null) => ({
    areaCode,
    areaName: `Area ${areaCode}`,
    year,
    value,
    symbol,
  });
  const measure: MeasureFigures = {
    code: "M",
    name: "A measure",
    polarity: "HIGHER_IS_BETTER",
    yearType: "Financial Year",
    figures: [
      f("970", "2024", 50),
      f("970", "2025", 55),
      f("982", "2025", 52),
      f("301", "2025", 60),
      f("302", "2025", 40),
      f("303", "2025", null, "c"),
      f("304", "2025", 70),
      f("304", "2024", 1),
    ],
  };
  it("gives England, the region and the neighbours' average, each with its own year", () => {
    const c = buildNationalComparators(measure, {
      laNumber: "301",
      borrowed: false,
      regionCode: "982",
      regionName: "Yorkshire and the Humber",
      neighbours: ["302", "303", "304"],
    });
    expect(c.england).toEqual({ year: "2025", yearLabel: "2024-25", value: 55, symbol: null });
    expect(c.region).toMatchObject({ name: "Yorkshire and the Humber", value: 52, yearLabel: "2024-25" });
    expect(c.neighbours).toEqual({ year: "2025", yearLabel: "2024-25", mean: 55, count: 2, of: 3 });
    expect(c.own).toMatchObject({ value: 60, rank: 2, of: 3, quartile: 3 });
  });
  it("compares a pack only with years that had ended by its month, the neighbours' average too (worked by hand)", () => {
    // DfE's "2019" is the count at 31 March 2019: a July 2019 pack may quote it, a February 2019 pack may
    // not (it quotes 2018), and neither may quote 2025.
    const annual: MeasureFigures = {
      code: "M",
      name: "A measure",
      polarity: "HIGHER_IS_BETTER",
      yearType: "Annual",
      figures: [
        f("970", "2018", 41),
        f("970", "2019", 50),
        f("970", "2025", 90),
        f("982", "2019", 52),
        f("982", "2025", 92),
        f("301", "2018", 44),
        f("301", "2019", 45),
        f("301", "2025", 95),
        f("302", "2018", 10),
        f("302", "2019", 20),
        f("302", "2025", 100),
        f("303", "2019", 30),
        f("303", "2025", 200),
        f("304", "2018", 70),
        f("304", "2025", 300),
      ],
    };
    const place = {
      laNumber: "301",
      borrowed: false,
      regionCode: "982",
      regionName: "Yorkshire and the Humber",
      neighbours: ["302", "303", "304"],
    };
    const july2019 = buildNationalComparators(annual, place, "2019-07");
    // 2019: 302 has 20, 303 has 30, 304 nothing for 2019: (20 + 30) / 2 = 25, 2 of 3.
    expect(july2019.neighbours).toEqual({ year: "2019", yearLabel: "at 31 March 2019", mean: 25, count: 2, of: 3 });
    expect(july2019.england).toEqual({ year: "2019", yearLabel: "at 31 March 2019", value: 50, symbol: null });
    expect(july2019.region).toMatchObject({ year: "2019", value: 52 });
    expect(july2019.own).toMatchObject({ year: "2019", value: 45 });
    const february2019 = buildNationalComparators(annual, place, "2019-02");
    // 2018: 302 has 10, 303 nothing for 2018, 304 has 70: (10 + 70) / 2 = 40, 2 of 3.
    expect(february2019.neighbours).toEqual({ year: "2018", yearLabel: "at 31 March 2018", mean: 40, count: 2, of: 3 });
    expect(february2019.england).toMatchObject({ year: "2018", value: 41 });
    expect(february2019.region).toBeNull();
    for (const c of [july2019, february2019]) expect(JSON.stringify(c)).not.toContain("2025");
    // With no month (the national overview), the latest year: (100 + 200 + 300) / 3 = 200.
    const latest = buildNationalComparators(annual, place).neighbours;
    expect(latest).toEqual({ year: "2025", yearLabel: "at 31 March 2025", mean: 200, count: 3, of: 3 });
  });

  it("shows no own figure for a fictional council that borrows a real one's neighbours", () => {
    const c = buildNationalComparators(measure, {
      laNumber: "301",
      borrowed: true,
      regionCode: "982",
      regionName: "Yorkshire and the Humber",
      neighbours: ["302"],
    });
    expect(c.own).toBeNull();
    expect(c.neighbours).toMatchObject({ mean: 40, count: 1, of: 1 });
  });
});
