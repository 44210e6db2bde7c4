import { describe, expect, it } from "vitest";
import { addCalendarMonths, answersDue, questionDeadline, questionsOpen, responseDue } from "@/lib/deadlines/panel-deadlines";

describe("when the panel's questions close", () => {
  it("is the end of the working day before the clear working days: 16 August 2019 for the 22 August meeting", () => {
    expect(questionDeadline("2019-08-22")).toBe("2019-08-16");
    expect(questionDeadline("2019-08-22", 5)).toBe("2019-08-14");
  });

  it("skips a bank holiday and a weekend, among the clear days and before them", () => {
    // Thursday 29 August 2019: the clear days are 23, 27 and 28 August (Monday 26th is the summer
    // bank holiday, 24 and 25 the weekend); the day before them is Thursday 22nd.
    expect(questionDeadline("2019-08-29")).toBe("2019-08-22");
    // Thursday 9 May 2019: clear days 3 (Fri), 7, 8 May (Monday 6th a bank holiday); before them Thursday 2nd.
    expect(questionDeadline("2019-05-09")).toBe("2019-05-02");
    // Wednesday 4 September 2019: clear days 30 Aug, 2 and 3 Sept; the day before them is Thursday
    // 29 August (the weekend and the bank holiday of 26 August are not in between).
    expect(questionDeadline("2019-09-04")).toBe("2019-08-29");
    // Tuesday 31 December 2019: clear days 24, 27 and 30 December (25 and 26 are bank holidays);
    // the deadline is Monday 23rd.
    expect(questionDeadline("2019-12-31")).toBe("2019-12-23");
  });

  it("stays open all of the deadline's day in England, and closes at midnight there", () => {
    expect(questionsOpen("2019-08-22", 3, new Date("2019-08-16T22:59:00Z"))).toBe(true); // 23:59 BST
    expect(questionsOpen("2019-08-22", 3, new Date("2019-08-16T23:00:00Z"))).toBe(false); // 00:00 BST on the 17th
  });

  it("wants answers by the working day before the meeting", () => {
    expect(answersDue("2019-08-22")).toBe("2019-08-21");
    expect(answersDue("2019-08-27")).toBe("2019-08-23"); // Tuesday after the bank holiday Monday
  });
});

describe("when the executive's response is due", () => {
  it("is two calendar months after the meeting: 22 October 2019 for 22 August", () => {
    expect(responseDue("2019-08-22")).toBe("2019-10-22");
  });

  it("from 31 August and from 29 February: the same day two months on", () => {
    expect(responseDue("2019-08-31")).toBe("2019-10-31");
    expect(responseDue("2020-02-29")).toBe("2020-04-29");
  });

  it("ends a month without that day on its last day, leap years included, and crosses a year", () => {
    expect(responseDue("2019-12-31")).toBe("2020-02-29");
    expect(responseDue("2020-12-31")).toBe("2021-02-28");
    expect(responseDue("2019-07-31")).toBe("2019-09-30");
    expect(responseDue("2019-11-15")).toBe("2020-01-15");
    expect(addCalendarMonths("2020-01-31", -2)).toBe("2019-11-30");
  });
});
