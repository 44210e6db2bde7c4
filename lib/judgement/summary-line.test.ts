import { describe, expect, it } from "vitest";
import { summaryLine } from "@/lib/judgement/summary-line";

const base = { unit: "COUNT" as const, decimals: 0, notAvailableReason: null, unsigned: { lastMonth: false } };
const s = (value: boolean, lastMonth: boolean) => ({ value, lastMonth });

describe("the one-line summary", () => {
  it("says which way a figure moved, in the indicator's own format", () => {
    expect(summaryLine({ ...base, value: 1337, lastMonth: 1861, suppressed: s(false, false) }, "2019-08")).toBe(
      "Down from 1,861 to 1,337 since July",
    );
    expect(summaryLine({ ...base, value: 12, lastMonth: 9, suppressed: s(false, false) }, "2019-04")).toBe("Up from 9 to 12 since March");
    expect(
      summaryLine({ ...base, unit: "PERCENT", decimals: 1, value: 76.04, lastMonth: 75.96, suppressed: s(false, false) }, "2019-04"),
    ).toBe("About the same at 76.0% since March");
    expect(summaryLine({ ...base, value: 5, lastMonth: 9, suppressed: s(false, false) }, "2020-01")).toBe(
      "Down from 9 to 5 since December",
    );
  });

  it("does not claim a small number last month when last month has no figure", () => {
    expect(summaryLine({ ...base, value: null, lastMonth: null, suppressed: s(true, false) }, "2019-04")).toBe(
      "A small number (shown as c) this month; no figure for March",
    );
  });

  it("names last month's figure, a small one, or an unsigned month, and never a small number's movement", () => {
    expect(summaryLine({ ...base, value: null, lastMonth: null, suppressed: s(true, true) }, "2019-04")).toBe(
      "A small number (shown as c) this month; a small number (shown as c) in March",
    );
    expect(summaryLine({ ...base, value: null, lastMonth: 9, suppressed: s(true, false) }, "2019-04")).toBe(
      "A small number (shown as c) this month; 9 in March",
    );
    expect(summaryLine({ ...base, value: 12, lastMonth: null, suppressed: s(false, true) }, "2019-04")).toBe(
      "12 this month; a small number (shown as c) in March",
    );
    expect(
      summaryLine({ ...base, value: 12, lastMonth: null, suppressed: s(false, false), unsigned: { lastMonth: true } }, "2019-04"),
    ).toBe("12 this month; March not yet signed off");
  });

  it("says why there is no figure this month", () => {
    expect(
      summaryLine({ ...base, value: null, lastMonth: 9, notAvailableReason: "System outage", suppressed: s(false, false) }, "2019-04"),
    ).toBe("Not available this month: System outage");
    expect(summaryLine({ ...base, value: null, lastMonth: 9, suppressed: s(false, false) }, "2019-04")).toBe("No figure this month");
  });
});
