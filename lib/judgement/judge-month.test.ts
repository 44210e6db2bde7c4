import { describe, expect, it } from "vitest";
import { judgeMonth } from "@/lib/judgement/judge-month";

const assessTimely = { unit: "PERCENT", decimals: 1, polarity: "HIGHER_IS_BETTER" } as const;
const contacts = { unit: "COUNT", decimals: 0, polarity: "NEITHER" } as const;

describe("judgeMonth", () => {
  it("judges August 2019 assessment timeliness as the pack did", () => {
    const j = judgeMonth(assessTimely, {
      month: "2019-08",
      value: 58,
      lastMonth: 79.5,
      lastYear: 81.2,
      targets: [{ fromMonth: "2018-04", target: 80, tolerance: 5 }],
    });
    expect(j).toEqual({
      target: { value: 80, tolerance: 5, fromMonth: "2018-04" },
      rag: "RED",
      vsLastMonth: { movement: "DOWN", verdict: "WORSE" },
      vsLastYear: { movement: "DOWN", verdict: "WORSE" },
      changeVsLastMonth: "-21.5 percentage points",
      changeVsLastYear: "-23.2 percentage points",
    });
  });
  it("uses the target in force for the month, not a later one", () => {
    const targets = [
      { fromMonth: "2018-04", target: 80, tolerance: 5 },
      { fromMonth: "2019-09", target: 60, tolerance: 0 },
    ];
    expect(judgeMonth(assessTimely, { month: "2019-08", value: 76, lastMonth: null, lastYear: null, targets }).rag).toBe("AMBER");
    expect(judgeMonth(assessTimely, { month: "2019-09", value: 76, lastMonth: null, lastYear: null, targets }).rag).toBe("GREEN");
  });
  it("has no rating for a volume measure and nulls where figures are missing", () => {
    const j = judgeMonth(contacts, { month: "2019-08", value: 1337, lastMonth: 1861, lastYear: null, targets: [] });
    expect(j.rag).toBeNull();
    expect(j.target).toBeNull();
    expect(j.vsLastMonth).toEqual({ movement: "DOWN", verdict: "DOWN" });
    expect(j.changeVsLastMonth).toBe("-524 (-28.2%)");
    expect(j.vsLastYear).toBeNull();
    expect(j.changeVsLastYear).toBeNull();
  });
  it("a target row with no target means no rating", () => {
    const j = judgeMonth(assessTimely, {
      month: "2019-08",
      value: 50,
      lastMonth: null,
      lastYear: null,
      targets: [{ fromMonth: "2018-04", target: null, tolerance: null }],
    });
    expect(j.target).toBeNull();
    expect(j.rag).toBeNull();
  });
  it("nothing to judge when this month's value is missing", () => {
    const j = judgeMonth(assessTimely, {
      month: "2019-08",
      value: null,
      lastMonth: 80,
      lastYear: 81,
      targets: [{ fromMonth: "2018-04", target: 80, tolerance: 5 }],
    });
    expect(j).toMatchObject({ rag: null, vsLastMonth: null, vsLastYear: null, changeVsLastMonth: null });
  });
});
