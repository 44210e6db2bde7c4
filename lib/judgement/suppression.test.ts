import { describe, expect, it } from "vitest";
import { formatPanelChange, formatPanelValue, isSuppressed, SUPPRESSED_MARK } from "@/lib/judgement/suppression";

const suppressedCount = { unit: "COUNT", decimals: 0, suppressSmallNumbers: true } as const;
const plainCount = { unit: "COUNT", decimals: 0, suppressSmallNumbers: false } as const;

describe("small-number suppression", () => {
  it("hides counts from 1 to 5 and shows 0 and 6 or more", () => {
    expect(SUPPRESSED_MARK).toBe("c");
    expect(formatPanelValue(0, suppressedCount)).toBe("0");
    expect(formatPanelValue(1, suppressedCount)).toBe("c");
    expect(formatPanelValue(3, suppressedCount)).toBe("c");
    expect(formatPanelValue(5, suppressedCount)).toBe("c");
    expect(formatPanelValue(6, suppressedCount)).toBe("6");
    expect(formatPanelValue(1337, suppressedCount)).toBe("1,337");
    expect([0, 1, 5, 6].map((v) => isSuppressed(v, suppressedCount))).toEqual([false, true, true, false]);
  });
  it("does nothing when the indicator does not ask for it", () => {
    expect(formatPanelValue(3, plainCount)).toBe("3");
    expect(isSuppressed(3, plainCount)).toBe(false);
  });
  it("never applies to percentages or rates, even when switched on", () => {
    expect(formatPanelValue(3, { unit: "PERCENT", decimals: 1, suppressSmallNumbers: true })).toBe("3.0%");
    expect(formatPanelValue(2.5, { unit: "RATE_PER_10K", decimals: 1, suppressSmallNumbers: true })).toBe("2.5 per 10,000");
    expect(isSuppressed(1, { unit: "PERCENT", decimals: 1, suppressSmallNumbers: true })).toBe(false);
  });
  it("hides a change that would reveal a suppressed figure", () => {
    expect(formatPanelChange(10, 3, suppressedCount)).toBe("c");
    expect(formatPanelChange(2, 12, suppressedCount)).toBe("c");
    expect(formatPanelChange(12, 10, suppressedCount)).toBe("+2 (+20.0%)");
    expect(formatPanelChange(10, 3, plainCount)).toBe("+7 (+233.3%)");
  });
  it("treats missing values as not suppressed", () => {
    expect(isSuppressed(null, suppressedCount)).toBe(false);
    expect(isSuppressed(undefined, suppressedCount)).toBe(false);
  });
});
