// Each rule at its edges, on small lists worked out by hand (the month is March 2020 unless said:
// S = 1 March, E = 31 March 2020, a leap year).
import { describe, expect, it } from "vitest";
import { dayOfIso } from "@/lib/annex-a/calendar";
import { computeFigures, tenths, type Population } from "@/lib/annex-a/compute-figures";
import { FIGURE_RULES } from "@/lib/annex-a/figure-rules";
import type { ListData, ListRow, QualityReport } from "@/lib/annex-a/read-annex-a";
import { INVALID } from "@/lib/annex-a/read-values";

/** Column values: ISO dates, numbers, other text, INVALID (itself a string) or null for a blank. */
type Values = Record<string, string | number | null>;
const d = dayOfIso;
/** A row's values: ISO dates become day numbers; everything else as given. */
const row = (child: string, values: Values, at = 2): ListRow => ({
  row: at,
  child,
  v: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? d(v) : v])),
});

const COLUMNS: Record<number, string[]> = {
  1: ["contact"],
  3: ["referral"],
  4: ["start", "auth"],
  5: ["strategy", "icpc"],
  6: ["start", "end"],
  7: ["start", "end", "visit", "previous"],
  8: ["dob", "start", "end", "reason", "placements", "placementStart", "health"],
  9: ["dob", "eligibility", "inTouch", "suitability", "activity"],
};

function lists(given: Record<number, ListRow[]>): Map<number, ListData> {
  return new Map(
    Object.entries(given).map(([n, rows]) => [
      Number(n),
      { list: Number(n), sheet: `List ${n}`, columns: new Set(COLUMNS[Number(n)]), rows },
    ]),
  );
}

function figures(
  given: Record<number, ListRow[]>,
  options: { month?: string; asAt?: string; coversFrom?: string; population?: Population | null } = {},
) {
  const quality: QualityReport = {
    lists: Object.keys(given).map((n) => ({
      list: Number(n),
      sheet: `List ${n}`,
      rowsRead: 0,
      duplicatesDropped: 0,
      blankIds: [],
      invalid: [],
      invalidCount: 0,
      missingColumns: [],
    })),
    problems: [],
  };
  const month = options.month ?? "2020-03";
  const { figures: all } = computeFigures({
    month,
    asAt: options.asAt ?? (month === "2020-03" ? "2020-03-31" : `${month}-28`),
    coversFrom: options.coversFrom ?? "2018-10-01",
    population: options.population === undefined ? { year: 2019, count: 50_000 } : options.population,
    lists: lists(given),
    quality,
  });
  return { get: (code: string) => all.find((f) => f.code === code)!, quality };
}

describe("the figure table", () => {
  it("states the spec's 28 figures, each once", () => {
    expect(FIGURE_RULES).toHaveLength(28);
    expect(new Set(FIGURE_RULES.map((r) => r.code)).size).toBe(28);
  });

  it("rounds to one decimal place, halves away from zero", () => {
    expect(tenths(1, 8)).toBe(0.1); // 0.125
    expect(tenths(3, 16)).toBe(0.2); // 0.1875
    expect(tenths(1, 16)).toBe(0.1); // 0.0625
    expect(tenths(1, 3)).toBe(0.3);
    expect(tenths(2, 3)).toBe(0.7);
    expect(tenths(363 * 100, 428)).toBe(84.8);
  });
});

describe("events in the month", () => {
  it("counts distinct (child, date) events in the month only", () => {
    const f = figures({
      1: [
        row("A", { contact: "2020-03-01" }),
        row("A", { contact: "2020-03-01" }),
        row("A", { contact: "2020-03-31" }),
        row("B", { contact: "2020-02-29" }),
        row("C", { contact: "2020-04-01" }),
        row("D", { contact: INVALID }),
        row("E", { contact: null }),
      ],
    });
    expect(f.get("CONTACTS")).toMatchObject({ value: 2, numerator: 2, words: "2 contacts" });
  });

  it("counts referrals over the 12 months to E per 10,000 children, and says when the lists start too late", () => {
    const referrals = [row("A", { referral: "2019-04-01" }), row("B", { referral: "2019-03-31" }), row("C", { referral: "2020-03-31" })];
    expect(figures({ 3: referrals }, { population: { year: 2019, count: 20_000 } }).get("REFERRALS_RATE_10K")).toMatchObject({
      value: 1,
      numerator: 2,
      denominator: 20_000,
    });
    expect(figures({ 3: referrals }, { coversFrom: "2019-05-01" }).get("REFERRALS_RATE_10K")).toMatchObject({
      value: null,
      reason: "the lists cover from 1 May 2019; this figure needs 1 April 2019",
    });
    expect(figures({ 3: referrals }, { population: null }).get("REFERRALS_RATE_10K").reason).toMatch(/no child population/);
    // The month's own count needs only the month.
    expect(figures({ 3: referrals }, { coversFrom: "2020-03-01" }).get("REFERRALS").value).toBe(1);
    expect(figures({ 3: referrals }, { coversFrom: "2020-03-02" }).get("REFERRALS").reason).toBe(
      "the lists cover from 2 March 2020; this figure needs 1 March 2020",
    );
  });

  it("finds a re-referral on or after the same day 12 months earlier and before this one", () => {
    const f = figures(
      {
        3: [
          row("A", { referral: "2020-03-15" }),
          row("A", { referral: "2019-03-15" }), // exactly 12 months: a re-referral
          row("B", { referral: "2020-03-15" }),
          row("B", { referral: "2019-03-14" }), // a day too early
          row("C", { referral: "2020-03-31" }),
          row("C", { referral: "2020-03-10" }), // both in the month: the later one is a re-referral
          row("D", { referral: "2020-03-20" }),
          row("D", { referral: "2020-03-25" }),
        ],
      },
      { coversFrom: "2019-03-01" },
    );
    // Month's referrals: A 15th, B 15th, C 10th, C 31st, D 20th, D 25th = 6; re-referrals: A, C 31st, D 25th.
    expect(f.get("REREFERRALS_12M_PCT")).toMatchObject({ value: 50, numerator: 3, denominator: 6, words: "3 of 6 referrals" });
    expect(figures({ 3: [] }, { coversFrom: "2019-03-02" }).get("REREFERRALS_12M_PCT").reason).toBe(
      "the lists cover from 2 March 2019; this figure needs 1 March 2019",
    );
  });
});

describe("timescales", () => {
  it("counts 45 working days as in time and 46 as late, across bank holidays", () => {
    // Authorised 31 March 2020: from 28 January that is 3 + 20 + 22 = 45 working days; from 27 January, 46.
    const f = figures({
      4: [
        row("A", { start: "2020-01-28", auth: "2020-03-31" }),
        row("B", { start: "2020-01-27", auth: "2020-03-31" }),
        row("C", { start: INVALID, auth: "2020-03-31" }), // no valid start: not in the percentage
        row("D", { start: "2020-03-20", auth: "2020-03-10" }), // authorised before it started: a data-quality error
      ],
    });
    expect(f.get("ASSESSMENTS_COMPLETED").value).toBe(4);
    expect(f.get("ASSESS_45WD_PCT")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(f.quality.lists.find((l) => l.list === 4)!.invalid).toEqual([
      { row: 2, column: "Continuous Assessment Date of Authorisation", problem: "ends-before-start" },
    ]);
  });

  it("takes the earliest valid start where one child has several rows with the same authorisation", () => {
    const f = figures({
      4: [row("A", { start: "2020-03-02", auth: "2020-03-31" }), row("A", { start: "2019-12-01", auth: "2020-03-31" })],
    });
    expect(f.get("ASSESS_45WD_PCT")).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it("holds an ICPC within 15 working days of the strategy discussion", () => {
    // 15 working days before Friday 27 March 2020 is Friday 6 March.
    const f = figures({
      5: [
        row("A", { strategy: "2020-03-06", icpc: "2020-03-27" }),
        row("B", { strategy: "2020-03-05", icpc: "2020-03-27" }),
        row("C", { strategy: "2020-03-05", icpc: null }),
      ],
    });
    expect(f.get("S47_STARTED").value).toBe(3);
    expect(f.get("ICPC_HELD").value).toBe(2);
    expect(f.get("ICPC_15WD_PCT")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it("gives no figure for an empty group, never 0", () => {
    expect(figures({ 4: [] }).get("ASSESS_45WD_PCT")).toMatchObject({ value: null, reason: "no children in the group" });
    expect(figures({ 4: [] }).get("ASSESSMENTS_COMPLETED")).toMatchObject({ value: 0, reason: null });
  });
});

describe("open at E", () => {
  it("counts a plan starting on E as open and one closing on E as closed", () => {
    const f = figures({
      7: [
        row("A", { start: "2020-03-31", end: null, visit: null, previous: 0 }),
        row("B", { start: "2019-01-01", end: "2020-03-31", visit: null, previous: 0 }),
        row("C", { start: "2019-01-01", end: "2020-04-01", visit: "2020-03-30", previous: 0 }),
        row("D", { start: INVALID, end: null, visit: null, previous: 0 }),
        row("E", { start: "2019-01-01", end: INVALID, visit: null, previous: 0 }),
      ],
    });
    expect(f.get("CP_PLANS").value).toBe(2);
    expect(f.get("CP_RATE_10K")).toMatchObject({ value: 0.4, numerator: 2, denominator: 50_000 });
    // A: started on E, so seen within the standard through its start; C: visited the day before E.
    expect(f.get("CP_VISITS_TIMELY_PCT")).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
  });

  it("reads each child's open plan with the earliest start, on 29 February", () => {
    // E = 29 February 2020; two years before is 28 February 2018.
    const f = figures(
      {
        7: [
          row("A", { start: "2018-02-28", end: null, visit: "2020-02-28", previous: 0 }),
          row("A", { start: "2019-06-01", end: null, visit: "2020-01-02", previous: 0 }),
          row("B", { start: "2018-03-01", end: null, visit: INVALID, previous: 0 }),
        ],
      },
      { month: "2020-02", asAt: "2020-02-29" },
    );
    expect(f.get("CP_PLANS").value).toBe(2);
    expect(f.get("CP_OPEN_2YRS_PCT")).toMatchObject({ numerator: 1, denominator: 2 });
    // B's last visit is invalid: left out; A's record (the earliest start) was visited the day before E.
    expect(f.get("CP_VISITS_TIMELY_PCT")).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it("counts a repeat plan by the largest number of previous plans given", () => {
    const f = figures({
      7: [
        row("A", { start: "2019-05-01", end: null, visit: null, previous: 0 }),
        row("A", { start: "2019-05-01", end: null, visit: null, previous: 2 }),
        row("B", { start: "2019-06-01", end: null, visit: null, previous: 0 }),
        row("C", { start: "2019-07-01", end: null, visit: null, previous: null }), // not given: left out
        row("D", { start: "2019-03-31", end: null, visit: null, previous: 3 }), // before the 12 months
      ],
    });
    expect(f.get("CP_REPEAT_PCT")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it("computes the latest-value figures only when the lists are as at E", () => {
    const f = figures({ 7: [row("A", { start: "2019-01-01", end: null, visit: "2020-03-30", previous: 0 })] }, { asAt: "2020-04-04" });
    expect(f.get("CP_VISITS_TIMELY_PCT")).toMatchObject({ value: null, reason: "last visits are as at 4 April 2020, not 31 March 2020" });
    expect(f.get("CP_PLANS").value).toBe(1);
  });
});

describe("children looked after", () => {
  const cla = (child: string, values: Values) =>
    row(child, {
      dob: "2010-01-01",
      start: "2016-01-01",
      end: null,
      reason: null,
      placements: 1,
      placementStart: "2017-01-01",
      health: "2020-01-01",
      ...values,
    });

  it("counts ceasing in the month by the reason's SSDA903 code", () => {
    const f = figures({
      8: [
        cla("A", { end: "2020-03-05", reason: "E45: SPECIAL GUARDIANSHIP" }),
        cla("B", { end: "2020-03-06", reason: "E48" }),
        cla("C", { end: "2020-03-07", reason: "E11: ADOPTED" }),
        cla("D", { end: "2020-02-07", reason: "E12" }),
        cla("E", { end: "2020-03-09", reason: "E41" }),
        cla("F", { start: "2020-03-31" }),
        cla("F", { start: "2020-03-31" }),
      ],
    });
    expect(f.get("SGO_GRANTED").value).toBe(2);
    expect(f.get("ADOPTIONS")).toMatchObject({ value: 1, words: "1 child" });
    expect(f.get("CLA_STARTED").value).toBe(1);
    expect(f.get("CLA_NUMBER").value).toBe(1);
  });

  it("judges placements, stability and health assessments at E", () => {
    const f = figures({
      8: [cla("A", { placements: 3 }), cla("B", { placements: 2 }), cla("C", { placements: INVALID }), cla("D", { placements: null })],
    });
    // C's count is invalid: left out; D's is blank: in the group, not 3 or more.
    expect(f.get("CLA_3PLUS_PLACEMENTS_PCT")).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
  });

  it("measures long-term stability for children under 16 looked after for 30 months", () => {
    const f = figures({
      8: [
        cla("A", { start: "2017-09-30", placementStart: "2018-03-31" }), // in the group; placed exactly 24 months before E
        cla("B", { start: "2017-09-30", placementStart: "2018-04-01" }), // in the group; placed too recently
        cla("C", { start: "2017-10-01" }), // not yet 30 months
        cla("D", { dob: "2004-03-31" }), // 16 on E
      ],
    });
    expect(f.get("CLA_LONGTERM_STABILITY_PCT")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it("allows six months for a child under 5 on E, twelve from the fifth birthday", () => {
    const f = figures({
      8: [
        cla("A", { dob: "2015-04-01", health: "2019-10-01" }), // 4 on E: 6 months from 30 September 2019, so in time
        cla("B", { dob: "2015-04-01", health: "2019-09-29" }), // 4 on E: too long ago
        cla("C", { dob: "2015-03-31", health: "2019-09-29" }), // 5 on E: 12 months
        cla("D", { health: null }), // blank: in the group, not assessed
        cla("E", { health: INVALID }), // invalid: left out
        cla("F", { start: "2019-04-01" }), // looked after for less than 12 months: not in the group
      ],
    });
    expect(f.get("CLA_HEALTH_ASSESS_PCT")).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  });
});

describe("care leavers", () => {
  const leaver = (child: string, values: Values) =>
    row(child, {
      dob: "2000-01-01",
      eligibility: "FORMER RELEVANT CHILD",
      inTouch: "YES",
      suitability: "SUITABLE",
      activity: "F1: FULL TIME IN HIGHER EDUCATION",
      ...values,
    });

  it("takes former relevant care leavers aged 19 to 21 on E, less those who died", () => {
    const f = figures({
      9: [
        leaver("A", { dob: "2001-03-31" }), // 19 on E
        leaver("B", { dob: "1998-04-01", inTouch: "NO", activity: "G4", suitability: "UNSUITABLE" }), // 21 on E
        leaver("C", { dob: "1998-03-31" }), // 22 on E: out
        leaver("D", { dob: "2001-04-01" }), // 18 on E: out
        leaver("E", { inTouch: "DIED" }),
        leaver("F", { eligibility: "RELEVANT CHILD" }),
        leaver("G", { inTouch: "REFU", suitability: null, activity: "P3" }),
        leaver("H", { dob: INVALID }),
      ],
    });
    expect(f.get("CARE_LEAVERS_IN_TOUCH_PCT")).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(f.get("CARE_LEAVERS_EET_PCT")).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(f.get("CARE_LEAVERS_SUITABLE_ACCOM_PCT")).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
  });

  it("says which list or column a figure needs when it is missing", () => {
    const f = figures({ 9: [leaver("A", {})] });
    expect(f.get("CLA_NUMBER")).toMatchObject({ value: null, reason: "List 8 is missing" });
    const data = lists({ 9: [leaver("A", {})] });
    data.get(9)!.columns.delete("suitability");
    const { figures: all } = computeFigures({
      month: "2020-03",
      asAt: "2020-03-31",
      coversFrom: "2018-10-01",
      population: null,
      lists: data,
      quality: { lists: [], problems: [] },
    });
    expect(all.find((x) => x.code === "CARE_LEAVERS_SUITABLE_ACCOM_PCT")!.reason).toBe("List 9 has no Suitability of Accommodation column");
    expect(all.find((x) => x.code === "CARE_LEAVERS_IN_TOUCH_PCT")!.value).toBe(100);
  });
});
