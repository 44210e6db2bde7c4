import { describe, expect, it } from "vitest";
import { isException } from "@/lib/judgement/exception";
import type { Direction } from "@/lib/judgement/direction";

const worse: Direction = { movement: "DOWN", verdict: "WORSE" };
const better: Direction = { movement: "UP", verdict: "IMPROVED" };
const same: Direction = { movement: "SAME", verdict: "NO_CHANGE" };

describe("exceptions for the panel", () => {
  it("lists an indicator that is red, whatever its direction", () => {
    expect(isException({ rag: "RED", vsLastMonth: better, vsLastYear: better })).toBe(true);
    expect(isException({ rag: "RED", vsLastMonth: null, vsLastYear: null })).toBe(true);
  });

  it("lists one worse than both last month and last year, even without a target", () => {
    expect(isException({ rag: null, vsLastMonth: worse, vsLastYear: worse })).toBe(true);
    expect(isException({ rag: "GREEN", vsLastMonth: worse, vsLastYear: worse })).toBe(true);
  });

  it("does not list amber or green unless worse on both counts, nor a judgement withheld", () => {
    expect(isException({ rag: "AMBER", vsLastMonth: worse, vsLastYear: same })).toBe(false);
    expect(isException({ rag: "GREEN", vsLastMonth: better, vsLastYear: worse })).toBe(false);
    expect(isException({ rag: null, vsLastMonth: worse, vsLastYear: null })).toBe(false);
    expect(isException({ rag: null, vsLastMonth: null, vsLastYear: null })).toBe(false);
  });
});
