// The pack month's cut-off for DfE's years at its edge (lib/national/national-comparators.ts): DfE's
// "2019" ends on 31 March 2019, so the March 2019 pack, whose month ends that day, may quote it and the
// February pack may not. comparators.test.ts works July and February; March is the boundary (found by
// npm run test:mutation).
import { describe, expect, it } from "vitest";
import { buildNationalComparators, ownFigureYear, type MeasureFigures } from "@/lib/national/national-comparators";

const f = (areaCode: string, year: string, value: number) => ({ areaCode, areaName: `Area ${areaCode}`, year, value, symbol: null });
const measure: MeasureFigures = {
  code: "M",
  name: "A measure",
  polarity: "HIGHER_IS_BETTER",
  yearType: "Financial Year",
  figures: [
    f("970", "201718", 40),
    f("970", "201819", 50),
    f("301", "201718", 44),
    f("301", "201819", 45),
    f("302", "201718", 10),
    f("302", "201819", 20),
  ],
};
const place = { laNumber: "301", borrowed: false, regionCode: null, regionName: null, neighbours: ["302"] };

describe("the year a pack may compare with, at the end of March", () => {
  it("lets the March pack quote the year that ended on 31 March, and not the February pack", () => {
    const march = buildNationalComparators(measure, place, "2019-03");
    expect(march.england).toMatchObject({ year: "201819", yearLabel: "2018-19", value: 50 });
    expect(march.neighbours).toMatchObject({ year: "201819", mean: 20 });
    expect(march.own).toMatchObject({ year: "201819", value: 45 });
    expect(ownFigureYear(measure.figures, place, "2019-03")).toBe("201819");

    const february = buildNationalComparators(measure, place, "2019-02");
    expect(february.england).toMatchObject({ year: "201718", value: 40 });
    expect(february.neighbours).toMatchObject({ year: "201718", mean: 10 });
    expect(ownFigureYear(measure.figures, place, "2019-02")).toBe("201718");
  });
});
