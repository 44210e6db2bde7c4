// Thresholds worked out in binary floating point can land a hair above the value typed on them
// (0.8 - 0.1 is 0.7000000000000001, 0.7 + 0.1 is 0.7999999999999999): a value exactly on the
// boundary must still be on the right side of it. rag.test.ts has cases where the error falls the
// harmless way; these are the ones where it falls the other way (found by npm run test:mutation).
import { describe, expect, it } from "vitest";
import { judgeRag } from "@/lib/judgement/rag";

describe("judgeRag on a threshold that floating point puts a hair the wrong side", () => {
  it("keeps a value exactly at target minus tolerance Amber, not Red", () => {
    expect(0.8 - 0.1).toBeGreaterThan(0.7);
    expect(judgeRag(0.7, { polarity: "HIGHER_IS_BETTER", target: 0.8, tolerance: 0.1 })).toBe("AMBER");
    expect(0.7 + 0.1).toBeLessThan(0.8);
    expect(judgeRag(0.8, { polarity: "LOWER_IS_BETTER", target: 0.7, tolerance: 0.1 })).toBe("AMBER");
  });

  it("keeps a computed value that reads as the target Green", () => {
    expect(0.1 + 0.2).toBeGreaterThan(0.3);
    expect(judgeRag(0.1 + 0.2, { polarity: "LOWER_IS_BETTER", target: 0.3 })).toBe("GREEN");
    expect(judgeRag(0.3 - 0.1, { polarity: "HIGHER_IS_BETTER", target: 0.2 })).toBe("GREEN");
  });

  it("still tells apart values a real step apart", () => {
    expect(judgeRag(0.69, { polarity: "HIGHER_IS_BETTER", target: 0.8, tolerance: 0.1 })).toBe("RED");
    expect(judgeRag(0.81, { polarity: "LOWER_IS_BETTER", target: 0.7, tolerance: 0.1 })).toBe("RED");
    expect(judgeRag(0.3000001, { polarity: "LOWER_IS_BETTER", target: 0.3 })).toBe("RED");
  });
});
