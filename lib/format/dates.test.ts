import { describe, expect, it } from "vitest";
import { addMonths, formatDate, formatDateTime, formatMonth, formatShortMonth } from "./dates";

// The formatters are made once (dates.ts): they must say exactly what toLocaleDateString said.
describe("dates in words", () => {
  const months = Array.from({ length: 12 * 30 }, (_, i) => addMonths("2000-01", i));

  it("formats every month of 30 years as toLocaleDateString does", () => {
    for (const month of months) {
      const d = new Date(`${month}-01T00:00:00Z`);
      expect(formatMonth(month)).toBe(d.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }));
      expect(formatShortMonth(month)).toBe(d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }));
    }
    expect(formatMonth("2019-09")).toBe("September 2019");
    expect(formatShortMonth("2019-09")).toBe("Sept 2019");
  });

  it("leaves text that is not a month as it is", () => {
    expect(formatMonth("2019-13")).toBe("2019-13");
    expect(formatShortMonth("soon")).toBe("soon");
  });

  it("formats dates and times in England, across the clock changes, as toLocaleString does", () => {
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2021, 0, 1); t += 31 * 3_600_000 + 13 * 60_000) {
      const d = new Date(t);
      expect(formatDate(d)).toBe(
        d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }),
      );
      expect(formatDateTime(d.toISOString())).toBe(
        d.toLocaleString("en-GB", {
          day: "numeric",
          month: "long",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZone: "Europe/London",
        }),
      );
    }
    expect(formatDate("2019-10-26T23:30:00Z")).toBe("27 October 2019");
  });

  it("says Invalid Date for a date that is not one, as toLocaleDateString does", () => {
    expect(formatDate("not a date")).toBe(new Date("not a date").toLocaleDateString("en-GB", { timeZone: "Europe/London" }));
    expect(formatDateTime("not a date")).toBe("Invalid Date");
  });
});
