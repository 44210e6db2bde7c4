import { describe, expect, it } from "vitest";
import { parseMonth } from "@/lib/import/parse-month";

describe("parseMonth", () => {
  it("reads the forms people and Excel write", () => {
    for (const text of [
      "2019-09",
      "2019-9",
      "2019/09",
      "2019-09-01",
      "2019-09-30T00:00:00",
      "09/2019",
      "9/2019",
      "01/09/2019",
      "Sep-19",
      "Sep 2019",
      "September 2019",
      "sept 2019",
      " SEP-2019 ",
    ]) {
      expect(parseMonth(text), text).toBe("2019-09");
    }
    expect(parseMonth(new Date(Date.UTC(2019, 8, 1)))).toBe("2019-09");
  });
  it("refuses what is not a month", () => {
    for (const text of ["", "2019-13", "2019-00", "Sept", "13/2019", "32/09/2019", "Sepx 2019", "2019", "next month", "1e3"]) {
      expect(parseMonth(text), text).toBeNull();
    }
    expect(parseMonth(new Date(Number.NaN))).toBeNull();
  });
});
