import { describe, expect, it } from "vitest";
import { statutoryPublicationDate } from "./clear-days";
import bankHolidays from "./bank-holidays-england-and-wales.json";
import { addWorkingDays, bankHolidayOn, isWorkingDay, todayInEngland, workingDaysBetween } from "./working-days";

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });

describe("five clear days before the meeting", () => {
  // [meeting, last publication date, why]
  const cases: [string, string, string][] = [
    ["2019-09-26", "2019-09-18", "a Thursday: Thu 19 to Wed 25 are the clear days (weekend skipped)"],
    ["2019-09-23", "2019-09-13", "a Monday: Mon 16 to Fri 20 are clear, so the Friday before"],
    ["2019-09-02", "2019-08-22", "a Monday after the summer bank holiday (26 August 2019 is not a clear day)"],
    ["2020-01-09", "2019-12-31", "across the year end: New Year's Day is not a clear day"],
    [
      "2020-01-06",
      "2019-12-24",
      "a Monday after New Year: neither 1 January nor Christmas and Boxing Day count, nor can papers go out on them",
    ],
    ["2022-01-04", "2021-12-22", "Christmas 2021 at a weekend: substitute days 27 and 28 December and 3 January"],
    ["2020-04-14", "2020-04-02", "the Tuesday after Easter 2020: Good Friday and Easter Monday skipped"],
    ["2020-05-13", "2020-05-04", "VE day 2020 moved the early May bank holiday to Friday 8 May"],
    ["2023-05-15", "2023-05-04", "the coronation bank holiday, Monday 8 May 2023"],
    ["2022-09-26", "2022-09-15", "the Queen's funeral, Monday 19 September 2022"],
  ];
  it.each(cases)("meeting %s: publish by %s (%s)", (meeting, publishBy) => {
    expect(statutoryPublicationDate(meeting)).toBe(publishBy);
    expect(isWorkingDay(publishBy)).toBe(true);
    // Exactly five working days lie strictly between publication and the meeting.
    expect(workingDaysBetween(publishBy, meeting) - (isWorkingDay(meeting) ? 1 : 0)).toBe(5);
  });

  it("a meeting on a Monday publishes on a Friday, never at the weekend", () => {
    for (const meeting of ["2019-10-14", "2019-11-18", "2021-03-01"]) {
      expect(weekday(meeting)).toBe("Monday");
      expect(weekday(statutoryPublicationDate(meeting))).toBe("Friday");
    }
  });
});

describe("the bank-holiday data for England and Wales", () => {
  it("has 2019 and 2020 as GOV.UK published them", () => {
    const year = (y: string) => bankHolidays.dates.filter((d) => d.date.startsWith(y)).map((d) => d.date);
    expect(year("2019")).toEqual([
      "2019-01-01",
      "2019-04-19",
      "2019-04-22",
      "2019-05-06",
      "2019-05-27",
      "2019-08-26",
      "2019-12-25",
      "2019-12-26",
    ]);
    expect(year("2020")).toEqual([
      "2020-01-01",
      "2020-04-10",
      "2020-04-13",
      "2020-05-08",
      "2020-05-25",
      "2020-08-31",
      "2020-12-25",
      "2020-12-28",
    ]);
    expect(year("2022")).toEqual([
      "2022-01-03",
      "2022-04-15",
      "2022-04-18",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-08-29",
      "2022-09-19",
      "2022-12-26",
      "2022-12-27",
    ]);
  });

  it("is sorted, has no duplicates, and every date is a weekday", () => {
    const dates = bankHolidays.dates.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) expect(["Saturday", "Sunday"]).not.toContain(weekday(d));
    for (let y = bankHolidays.firstYear; y <= bankHolidays.lastYear; y++)
      expect(dates.filter((d) => d.startsWith(`${y}-`)).length).toBeGreaterThanOrEqual(8);
  });

  it("names the day", () => {
    expect(bankHolidayOn("2019-08-26")).toBe("Summer bank holiday");
    expect(bankHolidayOn("2019-08-27")).toBeUndefined();
  });
});

describe("working-day arithmetic", () => {
  it("counts forwards and backwards over weekends and bank holidays", () => {
    expect(addWorkingDays("2019-08-23", 1)).toBe("2019-08-27");
    expect(addWorkingDays("2019-08-27", -1)).toBe("2019-08-23");
    expect(addWorkingDays("2019-09-26", -15)).toBe("2019-09-05");
    expect(workingDaysBetween("2019-08-23", "2019-08-27")).toBe(1);
    expect(workingDaysBetween("2019-08-27", "2019-08-23")).toBe(-1);
    expect(workingDaysBetween("2019-09-18", "2019-09-18")).toBe(0);
  });

  it("takes today's date in England, not UTC", () => {
    expect(todayInEngland(new Date("2019-09-17T23:30:00Z"))).toBe("2019-09-18");
    expect(todayInEngland(new Date("2019-12-17T23:30:00Z"))).toBe("2019-12-17");
  });
});

describe("working days between two dates, counted by arithmetic", () => {
  // The day-by-day count workingDaysBetween used to make, as the reference.
  const slow = (from: string, to: string) => {
    if (from === to) return 0;
    const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let n = 0;
    for (let t = Date.parse(`${a}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${b}T00:00:00Z`); t += 86_400_000) {
      if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) n++;
    }
    return sign * n;
  };
  const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it("agrees with counting day by day, over every span of up to 40 days and long spans across years", () => {
    for (let start = 0; start < 800; start += 11) {
      for (let len = -40; len <= 40; len++)
        expect(workingDaysBetween(day(start), day(start + len)), `${day(start)} to ${day(start + len)}`).toBe(
          slow(day(start), day(start + len)),
        );
    }
    for (let i = 0; i < 40; i++) {
      const a = day((i * 37) % 4000),
        b = day((i * 91 + 500) % 4400);
      expect(workingDaysBetween(a, b), `${a} to ${b}`).toBe(slow(a, b));
    }
  });

  it("counts the bank holidays out: 2019 had 253 working days after New Year's Eve 2018", () => {
    expect(workingDaysBetween("2018-12-31", "2019-12-31")).toBe(253);
    expect(workingDaysBetween("2019-12-31", "2018-12-31")).toBe(-253);
  });
});
