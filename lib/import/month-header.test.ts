import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { columnLetter, readMonthHeader, serialMonth } from "@/lib/import/month-header";

const NOW = new Date(Date.UTC(2026, 11, 1));
const read = (text: string) => readMonthHeader(text, NOW);

describe("readMonthHeader", () => {
  it("reads the month headings analysts write, and Excel date cells as the reader gives them", () => {
    for (const text of [
      "Apr-19",
      "apr 19",
      "April 2019",
      "APRIL-2019",
      "Apr'19",
      "2019-04",
      "2019/04",
      "04/2019",
      "4/2019",
      "01/04/2019",
      "2019-04-01",
      "2019-04-01T00:00:00",
      "43556",
      "43556.5",
    ]) {
      expect(read(text), text).toEqual({ kind: "month", month: "2019-04" });
    }
  });
  it("leaves headings that are not months alone", () => {
    for (const text of ["", "Indicator", "Unit", "Target 2019", "Q1 2019-20", "Polarity", "RAG"])
      expect(read(text), text).toEqual({ kind: "other" });
  });
  it("refuses headings that look like months but cannot be read, saying why", () => {
    expect(read("Sepx 2019")).toMatchObject({
      kind: "unreadable",
      reason: stringContaining('"Sepx 2019" cannot be read as a month'),
    });
    expect(read("13/2019")).toMatchObject({ kind: "unreadable" });
    expect(read("2019-13")).toMatchObject({ kind: "unreadable" });
    expect(read("32/04/2019")).toMatchObject({ kind: "unreadable" });
    expect(read("2019")).toMatchObject({ kind: "unreadable", reason: stringContaining("is a year, not a month") });
  });
  it("refuses months outside January 2000 to the current month", () => {
    expect(read("Dec-99")).toMatchObject({ kind: "unreadable" }); // 2099
    expect(read("1999-12")).toMatchObject({
      kind: "unreadable",
      reason: '"1999-12" is December 1999, outside the months that can hold figures (January 2000 to December 2026)',
    });
    expect(read("2027-01")).toMatchObject({ kind: "unreadable", reason: stringContaining("January 2027, outside") });
    expect(read("2026-12")).toEqual({ kind: "month", month: "2026-12" });
  });
});

describe("serialMonth", () => {
  it("counts days as Excel does, including its 29 February 1900", () => {
    expect(serialMonth(43556)).toBe("2019-04"); // 1 April 2019
    expect(serialMonth(43555)).toBe("2019-03"); // 31 March 2019
    expect(serialMonth(36526)).toBe("2000-01"); // 1 January 2000
    expect(serialMonth(61)).toBe("1900-03");
    expect(serialMonth(60)).toBeNull();
  });
});

describe("columnLetter", () => {
  it("names columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
