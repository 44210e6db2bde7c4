import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { checkValue } from "@/lib/values/validate-value";

const count = { unit: "COUNT", decimals: 0 } as const;
const pct = { unit: "PERCENT", decimals: 1 } as const;
const rate = { unit: "RATE_PER_10K", decimals: 1 } as const;

describe("checkValue", () => {
  it("accepts counts as whole numbers, with thousands separators", () => {
    expect(checkValue("1337", count)).toEqual({ ok: true, value: 1337 });
    expect(checkValue("1,337", count)).toEqual({ ok: true, value: 1337 });
    expect(checkValue(" 0 ", count)).toEqual({ ok: true, value: 0 });
    expect(checkValue("12.0", count)).toEqual({ ok: true, value: 12 });
  });
  it("refuses fractional, negative, empty and non-numeric counts", () => {
    expect(checkValue("12.5", count)).toMatchObject({ ok: false, reason: stringMatching(/whole number/) });
    expect(checkValue("-1", count)).toMatchObject({ ok: false, reason: stringMatching(/0 or more/) });
    expect(checkValue("", count)).toMatchObject({ ok: false, reason: "Enter a value" });
    expect(checkValue("abc", count)).toMatchObject({ ok: false, reason: stringMatching(/not a number/) });
    expect(checkValue("NaN", count)).toMatchObject({ ok: false });
    expect(checkValue("Infinity", count)).toMatchObject({ ok: false });
    expect(checkValue("1e3", count)).toMatchObject({ ok: false });
    expect(checkValue("99999999999", count)).toMatchObject({ ok: false, reason: stringMatching(/too large/) });
  });
  it("keeps percentages within 0 to 100 and the configured decimals", () => {
    expect(checkValue("58.0", pct)).toEqual({ ok: true, value: 58 });
    expect(checkValue("58%", pct)).toEqual({ ok: true, value: 58 });
    expect(checkValue("100", pct)).toEqual({ ok: true, value: 100 });
    expect(checkValue("100.1", pct)).toMatchObject({ ok: false, reason: stringMatching(/0 to 100/) });
    expect(checkValue("58.25", pct)).toMatchObject({ ok: false, reason: stringMatching(/more than 1 decimal place/) });
  });
  it("allows rates of any size 0 or more", () => {
    expect(checkValue("934.2", rate)).toEqual({ ok: true, value: 934.2 });
    expect(checkValue("-0.1", rate)).toMatchObject({ ok: false });
  });
});
