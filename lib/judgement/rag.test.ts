import { describe, expect, it } from "vitest";
import { describeRag, judgeRag, RAG_LABEL, RAG_TAG_CLASS } from "@/lib/judgement/rag";

describe("judgeRag, higher is better (target 80, tolerance 5)", () => {
  const basis = { polarity: "HIGHER_IS_BETTER", target: 80, tolerance: 5 } as const;
  it.each([
    [100, "GREEN"],
    [80.1, "GREEN"],
    [80, "GREEN"],
    [79.9, "AMBER"],
    [75.1, "AMBER"],
    [75, "AMBER"],
    [74.9, "RED"],
    [0, "RED"],
  ] as const)("%s is %s", (value, rag) => {
    expect(judgeRag(value, basis)).toBe(rag);
  });
});

describe("judgeRag, lower is better (target 10, tolerance 2)", () => {
  const basis = { polarity: "LOWER_IS_BETTER", target: 10, tolerance: 2 } as const;
  it.each([
    [0, "GREEN"],
    [9.9, "GREEN"],
    [10, "GREEN"],
    [10.1, "AMBER"],
    [11.9, "AMBER"],
    [12, "AMBER"],
    [12.1, "RED"],
    [100, "RED"],
  ] as const)("%s is %s", (value, rag) => {
    expect(judgeRag(value, basis)).toBe(rag);
  });
});

describe("judgeRag, edge cases", () => {
  it("gives no rating for polarity neither, even with a target", () => {
    for (const value of [0, 50, 1000]) expect(judgeRag(value, { polarity: "NEITHER", target: 50, tolerance: 5 })).toBeNull();
  });
  it("gives no rating without a target or without a value", () => {
    expect(judgeRag(80, { polarity: "HIGHER_IS_BETTER", target: null, tolerance: 5 })).toBeNull();
    expect(judgeRag(80, { polarity: "LOWER_IS_BETTER", target: undefined })).toBeNull();
    expect(judgeRag(null, { polarity: "HIGHER_IS_BETTER", target: 80, tolerance: 5 })).toBeNull();
    expect(judgeRag(undefined, { polarity: "HIGHER_IS_BETTER", target: 80 })).toBeNull();
    expect(judgeRag(Number.NaN, { polarity: "HIGHER_IS_BETTER", target: 80 })).toBeNull();
  });
  it("treats a missing or negative tolerance as 0: no amber band", () => {
    for (const tolerance of [null, undefined, 0, -3]) {
      expect(judgeRag(80, { polarity: "HIGHER_IS_BETTER", target: 80, tolerance })).toBe("GREEN");
      expect(judgeRag(79.9, { polarity: "HIGHER_IS_BETTER", target: 80, tolerance })).toBe("RED");
      expect(judgeRag(10, { polarity: "LOWER_IS_BETTER", target: 10, tolerance })).toBe("GREEN");
      expect(judgeRag(10.1, { polarity: "LOWER_IS_BETTER", target: 10, tolerance })).toBe("RED");
    }
  });
  it("puts a value exactly on a decimal threshold on the right side despite floating point", () => {
    // 0.3 - 0.1 is 0.19999999999999998 and 0.1 + 0.2 is 0.30000000000000004 in binary.
    expect(judgeRag(0.2, { polarity: "HIGHER_IS_BETTER", target: 0.3, tolerance: 0.1 })).toBe("AMBER");
    expect(judgeRag(0.3, { polarity: "LOWER_IS_BETTER", target: 0.1, tolerance: 0.2 })).toBe("AMBER");
    expect(judgeRag(69.7, { polarity: "HIGHER_IS_BETTER", target: 72.4, tolerance: 2.7 })).toBe("AMBER");
    expect(judgeRag(69.6, { polarity: "HIGHER_IS_BETTER", target: 72.4, tolerance: 2.7 })).toBe("RED");
  });
  it("works with a target of 0", () => {
    expect(judgeRag(0, { polarity: "LOWER_IS_BETTER", target: 0, tolerance: 1 })).toBe("GREEN");
    expect(judgeRag(1, { polarity: "LOWER_IS_BETTER", target: 0, tolerance: 1 })).toBe("AMBER");
    expect(judgeRag(2, { polarity: "LOWER_IS_BETTER", target: 0, tolerance: 1 })).toBe("RED");
  });
});

describe("RAG display", () => {
  it("always has words, and a GOV.UK tag class per rating", () => {
    expect(RAG_LABEL).toEqual({ GREEN: "Green", AMBER: "Amber", RED: "Red" });
    expect(RAG_TAG_CLASS.GREEN).toContain("govuk-tag--green");
    expect(RAG_TAG_CLASS.AMBER).toContain("govuk-tag--orange");
    expect(RAG_TAG_CLASS.RED).toContain("govuk-tag--red");
    expect(describeRag("AMBER")).toMatch(/^Amber: .*tolerance/);
  });
});
