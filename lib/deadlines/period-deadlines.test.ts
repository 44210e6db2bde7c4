import { describe, expect, it } from "vitest";
import { DEADLINE_STATE_INFO, DEADLINE_STATES, deadlineState, describeTimeLeft } from "./deadline-state";
import { derivePeriodDeadlines, publicationLateness } from "./period-deadlines";
import { DEFAULT_STEP_PLAN, parseStepPlan } from "./step-plan";

const none = { valuesIn: false, commentarySubmitted: false, commentaryApproved: false };

describe("a period's steps from its meeting date", () => {
  it("works back from the meeting on 26 September 2019 with the default plan", () => {
    const d = derivePeriodDeadlines({
      meeting: "2019-09-26",
      status: "OPEN",
      progress: none,
      today: "2019-09-02",
      plan: DEFAULT_STEP_PLAN,
    });
    expect(d.steps.map((s) => [s.key, s.due, s.state])).toEqual([
      ["values", "2019-09-05", "DUE_SOON"],
      ["commentary", "2019-09-10", "ON_TIME"],
      ["approval", "2019-09-13", "ON_TIME"],
      ["publication", "2019-09-18", "ON_TIME"],
    ]);
    expect(d.statutory).toBe("2019-09-18");
    expect(d.atRisk).toBe(false);
  });

  it("marks steps done from the period's progress, late when past, and the period at risk", () => {
    const d = derivePeriodDeadlines({
      meeting: "2019-09-26",
      status: "OPEN",
      progress: { ...none, valuesIn: true },
      today: "2019-09-11",
      plan: DEFAULT_STEP_PLAN,
    });
    expect(d.steps.map((s) => s.state)).toEqual(["DONE", "LATE", "DUE_SOON", "ON_TIME"]);
    expect(d.steps[1].workingDaysLeft).toBe(-1);
    expect(d.atRisk).toBe(true);
  });

  it("a signed-off pack has only publication to go; a published one is done", () => {
    const signed = derivePeriodDeadlines({
      meeting: "2019-09-26",
      status: "SIGNED_OFF",
      progress: none,
      today: "2019-09-17",
      plan: DEFAULT_STEP_PLAN,
    });
    expect(signed.steps.map((s) => s.state)).toEqual(["DONE", "DONE", "DONE", "DUE_SOON"]);
    expect(signed.atRisk).toBe(true);
    const published = derivePeriodDeadlines({
      meeting: "2019-09-26",
      status: "PUBLISHED",
      progress: none,
      today: "2026-01-01",
      plan: DEFAULT_STEP_PLAN,
    });
    expect(published.steps.every((s) => s.state === "DONE")).toBe(true);
    expect(published.atRisk).toBe(false);
  });

  it("a meeting date that leaves no time is late by the working days since the statutory date", () => {
    expect(publicationLateness("2019-09-26", "2019-09-23")).toEqual({ statutory: "2019-09-18", workingDaysLate: 3 });
    expect(publicationLateness("2019-09-26", "2019-09-18")).toEqual({ statutory: "2019-09-18", workingDaysLate: 0 });
  });

  it("warns when bank holidays are not known for the meeting's year", () => {
    expect(
      derivePeriodDeadlines({ meeting: "2031-01-16", status: "OPEN", progress: none, today: "2030-12-01", plan: DEFAULT_STEP_PLAN })
        .bankHolidaysKnown,
    ).toBe(false);
  });
});

describe("deadline states", () => {
  it("every state has words and a symbol, and the symbols differ", () => {
    for (const s of DEADLINE_STATES) expect(DEADLINE_STATE_INFO[s].label.length).toBeGreaterThan(2);
    expect(new Set(DEADLINE_STATES.map((s) => DEADLINE_STATE_INFO[s].symbol)).size).toBe(DEADLINE_STATES.length);
  });
  it.each([
    [true, -5, "DONE"],
    [false, -1, "LATE"],
    [false, 0, "DUE_SOON"],
    [false, 3, "DUE_SOON"],
    [false, 4, "ON_TIME"],
  ] as const)("done=%s with %s working days left is %s", (done, left, state) => {
    expect(deadlineState(done, left)).toBe(state);
  });
  it("describes the time left in words", () => {
    expect(describeTimeLeft(0)).toBe("due today");
    expect(describeTimeLeft(1)).toBe("due in 1 working day");
    expect(describeTimeLeft(-3)).toBe("3 working days late");
  });
});

describe("the configurable plan (DEADLINE_PLAN)", () => {
  it("defaults to 15, 12 and 9 working days before the meeting", () => {
    expect(parseStepPlan(undefined)).toEqual({ values: 15, commentary: 12, approval: 9 });
    expect(parseStepPlan("values=20, approval=10")).toEqual({ values: 20, commentary: 12, approval: 10 });
  });
  it.each([
    ["values=abc", /"values=abc" is not like "values=15"/],
    ["publication=3", /"publication=3" is not like/],
    ["approval=6", /approval must be between 7 and 60/],
    ["commentary=16", /must come in order/],
  ])("refuses %s", (raw, message) => {
    expect(() => parseStepPlan(raw)).toThrow(message);
  });
});
