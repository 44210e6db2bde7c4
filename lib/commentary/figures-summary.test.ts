import { describe, expect, it } from "vitest";
import { buildFiguresSummary, describeMovement } from "@/lib/commentary/figures-summary";

describe("figures summary", () => {
  it("describes a count that fell, as councillors read it", () => {
    expect(describeMovement({ name: "Contacts", unit: "COUNT", decimals: 0, previous: 1861, current: 1337 })).toBe("Contacts fell from 1,861 to 1,337 (28%)");
  });
  it("describes percentages in points and rates per 10,000", () => {
    expect(describeMovement({ name: "Assessments in 45 days", unit: "PERCENT", decimals: 1, previous: 80.2, current: 58 })).toBe("Assessments in 45 days fell from 80.2% to 58.0% (22.2 percentage points)");
    expect(describeMovement({ name: "Referral rate", unit: "RATE_PER_10K", decimals: 1, previous: 930, current: 941.5 })).toBe("Referral rate rose from 930.0 to 941.5 per 10,000 (1%)");
  });
  it("skips unchanged or missing figures", () => {
    expect(describeMovement({ name: "A", unit: "COUNT", decimals: 0, previous: 5, current: 5 })).toBeNull();
    expect(describeMovement({ name: "A", unit: "COUNT", decimals: 0, previous: null, current: 5 })).toBeNull();
    expect(describeMovement({ name: "A", unit: "COUNT", decimals: 0, previous: 0, current: 3 })).toBe("A rose from 0 to 3 (up 3)");
  });
  it("builds a Markdown list, or says nothing moved", () => {
    const md = buildFiguresSummary([
      { name: "Contacts", unit: "COUNT", decimals: 0, previous: 1861, current: 1337 },
      { name: "Referrals", unit: "COUNT", decimals: 0, previous: 400, current: 400 },
    ], "August 2019", "July 2019");
    expect(md).toBe("Figures for August 2019 against July 2019:\n\n- Contacts fell from 1,861 to 1,337 (28%).");
    expect(buildFiguresSummary([], "August 2019", "July 2019")).toMatch(/No figures/);
  });
});
