import { describe, expect, it } from "vitest";
import { formatChange, formatNumber, formatTableValue, formatValue } from "@/lib/judgement/format-number";
import { roundTo } from "@/lib/judgement/round";

const count = { unit: "COUNT", decimals: 0 } as const;
const pct = { unit: "PERCENT", decimals: 1 } as const;
const rate = { unit: "RATE_PER_10K", decimals: 1 } as const;

describe("roundTo", () => {
  it("rounds half away from zero, decimal-exact, never -0", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(58.049999, 1)).toBe(58);
    expect(roundTo(-0.04, 1)).toBe(0);
    expect(Object.is(roundTo(-0.04, 1), -0)).toBe(false);
    expect(roundTo(1e-9, 1)).toBe(0);
  });
});

describe("formatValue", () => {
  it("formats counts with separators and no decimals", () => {
    expect(formatValue(1337, count)).toBe("1,337");
    expect(formatValue(0, count)).toBe("0");
    expect(formatValue(1234567, count)).toBe("1,234,567");
  });
  it("formats percentages to the indicator's places with a % sign", () => {
    expect(formatValue(58, pct)).toBe("58.0%");
    expect(formatValue(100, pct)).toBe("100.0%");
    expect(formatValue(67.25, { unit: "PERCENT", decimals: 2 })).toBe("67.25%");
    expect(formatValue(67.5, { unit: "PERCENT", decimals: 0 })).toBe("68%");
  });
  it("formats rates per 10,000", () => {
    expect(formatValue(934.2, rate)).toBe("934.2 per 10,000");
    expect(formatValue(1024, rate)).toBe("1,024.0 per 10,000");
  });
  it("formatTableValue drops the rate's unit words only", () => {
    expect(formatTableValue(934.2, rate)).toBe("934.2");
    expect(formatTableValue(58, pct)).toBe("58.0%");
    expect(formatTableValue(1337, count)).toBe("1,337");
  });
  it("formatNumber is the bare number", () => {
    expect(formatNumber(934.25, 1)).toBe("934.3");
    expect(formatNumber(-524, 0)).toBe("-524");
  });
});

describe("formatChange", () => {
  it("counts: absolute and relative change, as the Word pack wrote it", () => {
    expect(formatChange(1337, 1861, count)).toBe("-524 (-28.2%)");
    expect(formatChange(428, 363, count)).toBe("+65 (+17.9%)");
    expect(formatChange(5, 0, count)).toBe("+5");
    expect(formatChange(512, 512, count)).toBe("About the same");
  });
  it("percentages: the difference in percentage points", () => {
    expect(formatChange(58, 80, pct)).toBe("-22.0 percentage points");
    expect(formatChange(81, 80, pct)).toBe("+1.0 percentage point");
    expect(formatChange(80.1, 80, pct)).toBe("+0.1 percentage points");
    expect(formatChange(58.04, 57.96, pct)).toBe("About the same");
  });
  it("rates: absolute and relative, no floating-point noise", () => {
    expect(formatChange(934.2, 921, rate)).toBe("+13.2 (+1.4%)");
    expect(formatChange(91.2, 93.4, rate)).toBe("-2.2 (-2.4%)");
  });
});
