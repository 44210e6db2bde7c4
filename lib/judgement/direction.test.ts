import { describe, expect, it } from "vitest";
import { describeDirection, judgeDirection } from "@/lib/judgement/direction";

const higher = { polarity: "HIGHER_IS_BETTER", decimals: 1 } as const;
const lower = { polarity: "LOWER_IS_BETTER", decimals: 1 } as const;
const neither = { polarity: "NEITHER", decimals: 0 } as const;

describe("judgeDirection", () => {
  it("higher is better: up improved, down worse", () => {
    expect(judgeDirection(81, 80, higher)).toEqual({ movement: "UP", verdict: "IMPROVED" });
    expect(judgeDirection(58, 80, higher)).toEqual({ movement: "DOWN", verdict: "WORSE" });
  });
  it("lower is better: down improved, up worse", () => {
    expect(judgeDirection(9.5, 10, lower)).toEqual({ movement: "DOWN", verdict: "IMPROVED" });
    expect(judgeDirection(10.5, 10, lower)).toEqual({ movement: "UP", verdict: "WORSE" });
  });
  it("neither: just up or down", () => {
    expect(judgeDirection(1861, 1337, neither)).toEqual({ movement: "UP", verdict: "UP" });
    expect(judgeDirection(1337, 1861, neither)).toEqual({ movement: "DOWN", verdict: "DOWN" });
  });
  it("no change when both read the same at the indicator's decimals, whatever the polarity", () => {
    for (const basis of [higher, lower]) {
      expect(judgeDirection(58, 58, basis)).toEqual({ movement: "SAME", verdict: "NO_CHANGE" });
      // 58.04 and 57.96 both show as 58.0
      expect(judgeDirection(58.04, 57.96, basis)).toEqual({ movement: "SAME", verdict: "NO_CHANGE" });
    }
    expect(judgeDirection(512, 512, neither)).toEqual({ movement: "SAME", verdict: "NO_CHANGE" });
    expect(judgeDirection(512.4, 511.6, neither)).toEqual({ movement: "SAME", verdict: "NO_CHANGE" });
  });
  it("the smallest displayed movement counts: one unit in the last place", () => {
    expect(judgeDirection(58.1, 58, higher)).toEqual({ movement: "UP", verdict: "IMPROVED" });
    expect(judgeDirection(58, 58.1, higher)).toEqual({ movement: "DOWN", verdict: "WORSE" });
    expect(judgeDirection(513, 512, neither)).toEqual({ movement: "UP", verdict: "UP" });
    // floating point: 0.1 + 0.2 against 0.3 is no change at 1 place
    expect(judgeDirection(0.1 + 0.2, 0.3, higher)).toEqual({ movement: "SAME", verdict: "NO_CHANGE" });
  });
  it("is null when either value is missing", () => {
    expect(judgeDirection(null, 80, higher)).toBeNull();
    expect(judgeDirection(80, null, higher)).toBeNull();
    expect(judgeDirection(undefined, undefined, neither)).toBeNull();
    expect(judgeDirection(Number.NaN, 1, neither)).toBeNull();
  });
});

describe("describeDirection", () => {
  it("gives a decorative arrow for the movement and the movement in words (lib/judgement/movement-words.ts)", () => {
    expect(describeDirection({ movement: "DOWN", verdict: "IMPROVED" })).toEqual({
      symbol: "▼",
      text: "Down, better",
      hiddenText: "",
      plain: "Down, better",
    });
    expect(describeDirection({ movement: "UP", verdict: "WORSE" }, "+2.4 percentage points")).toEqual({
      symbol: "▲",
      text: "Up 2.4 percentage points, worse",
      hiddenText: "",
      plain: "Up 2.4 percentage points, worse",
    });
    expect(describeDirection({ movement: "UP", verdict: "UP" })).toEqual({ symbol: "▲", text: "Up", hiddenText: "", plain: "Up" });
    expect(describeDirection({ movement: "DOWN", verdict: "DOWN" })).toEqual({ symbol: "▼", text: "Down", hiddenText: "", plain: "Down" });
    expect(describeDirection({ movement: "SAME", verdict: "NO_CHANGE" })).toEqual({
      symbol: "►",
      text: "About the same",
      hiddenText: "",
      plain: "About the same",
    });
  });
});
