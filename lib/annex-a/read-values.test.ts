import { describe, expect, it } from "vitest";
import { dayOfIso } from "@/lib/annex-a/calendar";
import {
  INVALID,
  cellKey,
  firstWord,
  readCodeText,
  readCount,
  readDate,
  readId,
  reasonCeasedCode,
  type Problem,
} from "@/lib/annex-a/read-values";
import type { Cell } from "@/lib/annex-a/read-xlsx-sheets";

const text = (s: string): Cell => ({ t: "s", s });
const num = (n: number, date = false): Cell => ({ t: "n", n, date });

function date(cell: Cell, date1904 = false) {
  const problems: Problem[] = [];
  return { value: readDate(cell, date1904, (p) => problems.push(p)), problems };
}

describe("reading an Annex A date", () => {
  it("reads day/month/year text with one or two digits, yyyy-mm-dd, and date cells", () => {
    expect(date(text("03/04/2020")).value).toBe(dayOfIso("2020-04-03"));
    expect(date(text("3/4/2020")).value).toBe(dayOfIso("2020-04-03"));
    expect(date(text(" 2020-04-03 ")).value).toBe(dayOfIso("2020-04-03"));
    // 43924 is 3 April 2020 in Excel's 1900 system; a date-time cell is its date.
    expect(date(num(43924, true)).value).toBe(dayOfIso("2020-04-03"));
    expect(date(num(43924.99, true)).value).toBe(dayOfIso("2020-04-03"));
    expect(date(num(42462, true), true).value).toBe(dayOfIso("2020-04-03"));
    expect(date(text("29/02/2020")).value).toBe(dayOfIso("2020-02-29"));
  });

  it("keeps blank apart from invalid, and says what is wrong without the value", () => {
    expect(date(null)).toEqual({ value: null, problems: [] });
    expect(date(text("  "))).toEqual({ value: null, problems: [] });
    expect(date(text("31/02/2020"))).toEqual({ value: INVALID, problems: ["not-a-real-date"] });
    expect(date(text("29/02/2019"))).toEqual({ value: INVALID, problems: ["not-a-real-date"] });
    expect(date(text("unknown"))).toEqual({ value: INVALID, problems: ["not-a-date"] });
    expect(date(text("03/04/20"))).toEqual({ value: INVALID, problems: ["two-digit-year"] });
    expect(date(num(43924))).toEqual({ value: INVALID, problems: ["number-not-date"] });
    expect(date(text("43924"))).toEqual({ value: INVALID, problems: ["number-not-date"] });
    expect(date({ t: "e", e: "#N/A" })).toEqual({ value: INVALID, problems: ["excel-error"] });
    expect(date(text("#N/A"))).toEqual({ value: INVALID, problems: ["excel-error"] });
  });
});

describe("reading identifiers, counts and codes", () => {
  it("reads an identifier given as a number or as text as one child", () => {
    expect(readId(num(445056))).toBe("445056");
    expect(readId(text(" 445056 "))).toBe("445056");
    expect(readId(text(""))).toBeNull();
    expect(readId(null)).toBeNull();
  });

  it("reads counts as whole numbers, blank as blank", () => {
    const problems: Problem[] = [];
    expect(readCount(num(3), (p) => problems.push(p))).toBe(3);
    expect(readCount(text("2"), (p) => problems.push(p))).toBe(2);
    expect(readCount(null, (p) => problems.push(p))).toBeNull();
    expect(readCount(text("two"), (p) => problems.push(p))).toBe(INVALID);
    expect(readCount(num(-1), (p) => problems.push(p))).toBe(INVALID);
    expect(problems).toEqual(["not-a-whole-number", "not-a-whole-number"]);
  });

  it("reads the code, not the letter", () => {
    expect(firstWord(readCodeText(text("a) Yes")))).toBe("YES");
    expect(firstWord(readCodeText(text("yes")))).toBe("YES");
    expect(firstWord(readCodeText(text("F1: Full time in higher education")))).toBe("F1");
    expect(firstWord(readCodeText(text("c) F1: Full time in higher education")))).toBe("F1");
    expect(firstWord(readCodeText(text("d) Refu")))).toBe("REFU");
    expect(readCodeText(text("b) Former relevant child"))).toBe("FORMER RELEVANT CHILD");
    expect(readCodeText({ t: "e", e: "#N/A" })).toBeNull();
    expect(readCodeText(text("#N/A"))).toBeNull();
    expect(firstWord(readCodeText(text("b) Unsuitable")))).toBe("UNSUITABLE");
  });

  it("finds the SSDA903 reason ceased wherever it stands in the text", () => {
    expect(reasonCeasedCode(readCodeText(text("i) E45: Special Guardianship Orders")))).toBe("E45");
    expect(reasonCeasedCode(readCodeText(text("E46")))).toBe("E46");
    expect(reasonCeasedCode(readCodeText(text("Adopted (E11)")))).toBe("E11");
    expect(reasonCeasedCode(readCodeText(text("E4A: Returned home")))).toBe("E4A");
    expect(reasonCeasedCode(readCodeText(text("Returned home")))).toBeNull();
  });

  it("compares cells for duplicates as read: dates as dates, numbers as numbers, text trimmed", () => {
    expect(cellKey(text("03/04/2020"), false)).toBe(cellKey(num(43924, true), false));
    expect(cellKey(text(" 445056"), false)).toBe(cellKey(num(445056), false));
    expect(cellKey(text("Yes "), false)).toBe(cellKey(text("Yes"), false));
    expect(cellKey(text("Yes"), false)).not.toBe(cellKey(text("yes"), false));
  });
});
