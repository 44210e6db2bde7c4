import { describe, expect, it } from "vitest";
import { targetInForce } from "@/lib/catalogue/target-in-force";

describe("targetInForce", () => {
  const rows = [
    { fromMonth: "2019-04", target: 90, tolerance: 5 },
    { fromMonth: "2018-04", target: 85, tolerance: 5 },
  ];
  it("picks the latest row starting on or before the month", () => {
    expect(targetInForce(rows, "2019-03")?.target).toBe(85);
    expect(targetInForce(rows, "2019-04")?.target).toBe(90);
    expect(targetInForce(rows, "2020-01")?.target).toBe(90);
  });
  it("has no target before the first row", () => {
    expect(targetInForce(rows, "2018-03")).toBeNull();
    expect(targetInForce([], "2019-01")).toBeNull();
  });
});
