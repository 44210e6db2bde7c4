import { describe, expect, it } from "vitest";
import { ageOn, dayOfIso, isoOf, sameDayMonthsBefore, workingDaysFrom } from "@/lib/annex-a/calendar";

const d = dayOfIso;

describe("Annex A calendar", () => {
  it("counts working days after A up to and including B, without weekends or bank holidays", () => {
    // Thu 19 Dec 2019 to Fri 27 Dec 2019: Fri 20, Mon 23, Tue 24, (Christmas, Boxing Day), Fri 27.
    expect(workingDaysFrom(d("2019-12-19"), d("2019-12-27"))).toBe(4);
    // Friday to Monday across a weekend: the Monday only.
    expect(workingDaysFrom(d("2020-03-06"), d("2020-03-09"))).toBe(1);
    // Thursday before Easter 2020 to the Tuesday after: Good Friday and Easter Monday are not working days.
    expect(workingDaysFrom(d("2020-04-09"), d("2020-04-14"))).toBe(1);
    expect(workingDaysFrom(d("2020-03-02"), d("2020-03-02"))).toBe(0);
  });

  it("takes the same day N months before, or the shorter month's last day", () => {
    expect(isoOf(sameDayMonthsBefore(d("2020-03-31"), 1))).toBe("2020-02-29");
    expect(isoOf(sameDayMonthsBefore(d("2019-03-31"), 1))).toBe("2019-02-28");
    expect(isoOf(sameDayMonthsBefore(d("2020-03-31"), 24))).toBe("2018-03-31");
    expect(isoOf(sameDayMonthsBefore(d("2020-02-29"), 24))).toBe("2018-02-28");
    expect(isoOf(sameDayMonthsBefore(d("2020-03-31"), 30))).toBe("2017-09-30");
    expect(isoOf(sameDayMonthsBefore(d("2020-01-15"), 13))).toBe("2018-12-15");
  });

  it("counts whole years of age, a 29 February birthday reached on 1 March in other years", () => {
    expect(ageOn(d("2004-02-29"), d("2023-02-28"))).toBe(18);
    expect(ageOn(d("2004-02-29"), d("2023-03-01"))).toBe(19);
    expect(ageOn(d("2004-02-29"), d("2024-02-29"))).toBe(20);
    expect(ageOn(d("2001-03-31"), d("2020-03-31"))).toBe(19);
    expect(ageOn(d("2001-04-01"), d("2020-03-31"))).toBe(18);
  });
});
