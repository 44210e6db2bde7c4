import { describe, expect, it } from "vitest";
import { describeMissingRuns, findMissingRuns } from "@/lib/periods/missing-months";

describe("months with no figures", () => {
  it("names the earlier months with no figures as runs, oldest first", () => {
    const have = new Set(["2019-04", "2019-05", "2019-06", "2019-07", "2019-08"]);
    const runs = findMissingRuns("2020-05", new Set([...have, "2020-04"]), 15);
    expect(runs).toEqual([
      { from: "2019-03", to: "2019-03" },
      { from: "2019-09", to: "2020-03" },
    ]);
    expect(describeMissingRuns(runs)).toBe(
      "March 2019 and September 2019 to March 2020 have no figures: trends and \u2018on last month\u2019 are incomplete",
    );
  });
  it("says nothing when every month has figures, and 'has' for one month", () => {
    expect(describeMissingRuns(findMissingRuns("2019-03", new Set(["2019-01", "2019-02"]), 3))).toBeNull();
    expect(describeMissingRuns([{ from: "2020-03", to: "2020-03" }])).toBe(
      "March 2020 has no figures: trends and \u2018on last month\u2019 are incomplete",
    );
  });
});
