import { describe, expect, it } from "vitest";
import { changeAmount, movementWords, relativeChangeText } from "@/lib/judgement/movement-words";
import { describeDirection, formatChange, judgeDirection, summaryLine } from "@/lib/judgement";
import { buildFiguresSummary, describeMovement } from "@/lib/commentary/figures-summary";

const rate = { unit: "RATE_PER_10K" as const, decimals: 1 };
const pct = { unit: "PERCENT" as const, decimals: 1 };

describe("movement in words: one way everywhere (issue 26)", () => {
  it("says the direction first, then how much, then better or worse", () => {
    expect(movementWords({ movement: "DOWN", verdict: "IMPROVED" }, "-524 (-28.2%)")).toBe("Down 524 (28.2%), better");
    expect(movementWords({ movement: "DOWN", verdict: "WORSE" }, "-1.9 percentage points")).toBe("Down 1.9 percentage points, worse");
    expect(movementWords({ movement: "UP", verdict: "UP" }, "+13.2 (+1.4%)")).toBe("Up 13.2 (1.4%)");
    expect(movementWords({ movement: "UP", verdict: "WORSE" })).toBe("Up, worse");
    expect(movementWords({ movement: "SAME", verdict: "NO_CHANGE" }, "No change")).toBe("About the same");
  });
  it("never gives the amount of a change that would reveal a small number", () => {
    expect(movementWords({ movement: "UP", verdict: "WORSE" }, "c")).toBe("Up, worse");
  });
  it("never prints a change that rounds to nothing as 0%", () => {
    expect(relativeChangeText(-2.6, 969.6, 0)).toBe("less than 1%");
    expect(relativeChangeText(-2.6, 969.6, 1)).toBe("0.3%");
    expect(relativeChangeText(0.3, 9696, 1)).toBe("less than 0.1%");
    expect(formatChange(9696.3, 9696, rate)).toBe("+0.3 (less than 0.1%)");
    expect(formatChange(967, 969.6, rate)).toBe("-2.6 (-0.3%)");
    expect(formatChange(967, 967, rate)).toBe("About the same");
    // Older snapshots froze "+0.0%": read as less than 0.1%.
    expect(changeAmount("+0.3 (+0.0%)")).toBe("0.3 (less than 0.1%)");
    const summary = describeMovement(
      {
        name: "Referral rate",
        unit: "RATE_PER_10K",
        decimals: 1,
        suppressSmallNumbers: false,
        current: 967,
        previous: 969.6,
        lastYear: null,
      },
      "August 2019",
      "July 2019",
      "August 2018",
    );
    expect(summary).toBe("Referral rate fell from 969.6 to 967.0 per 10,000 (less than 1%)");
    expect(summary).not.toContain("(0%)");
  });
  it("is the words of the grid, the pack's tables and the exports alike", () => {
    const d = judgeDirection(90.5, 92.4, { polarity: "HIGHER_IS_BETTER", decimals: 1 })!;
    expect(describeDirection(d, formatChange(90.5, 92.4, pct))).toMatchObject({
      symbol: "▼",
      text: "Down 1.9 percentage points, worse",
      plain: "Down 1.9 percentage points, worse",
    });
    expect(describeDirection(d).plain).toBe("Down, worse");
    expect(describeDirection({ movement: "SAME", verdict: "NO_CHANGE" }).plain).toBe("About the same");
    expect(
      summaryLine(
        {
          value: 76,
          lastMonth: 76,
          unit: "PERCENT",
          decimals: 1,
          notAvailableReason: null,
          suppressed: { value: false, lastMonth: false },
        },
        "2019-04",
      ),
    ).toBe("About the same at 76.0% since March");
    expect(
      buildFiguresSummary(
        [{ name: "A", unit: "COUNT", decimals: 0, suppressSmallNumbers: false, current: 1337, previous: 1861, lastYear: null }],
        "August 2019",
        "July 2019",
        "August 2018",
      ),
    ).toContain("A fell from 1,861 to 1,337 (28%)");
  });
});
