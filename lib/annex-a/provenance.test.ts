import { describe, expect, it } from "vitest";
import { describeProvenanceInFull, provenanceForPack, readProvenance, type ValueProvenance } from "@/lib/annex-a/provenance";

const p: ValueProvenance = {
  kind: "annex-a",
  asAt: "2020-03-31",
  coversFrom: "2018-10-01",
  fileSha256: "0f".repeat(32),
  rulesVersion: "2026-12.1",
  numerator: 3,
  denominator: 40,
  words: "3 of 40 children",
  rule: "The rule.",
  computedAt: "2020-04-02T09:00:00.000Z",
};

describe("a computed value's provenance", () => {
  it("is read only when whole, and said in words", () => {
    expect(readProvenance(p)).toEqual(p);
    expect(readProvenance({ ...p, kind: "typed" })).toBeNull();
    expect(readProvenance(null)).toBeNull();
    expect(describeProvenanceInFull(p)).toBe(
      "Computed from Annex A lists as at 31 March 2020 (file SHA-256 0f0f0f0f0f0f…, rules version 2026-12.1), covering from 1 October 2018: 3 of 40 children. Rule: The rule.",
    );
  });

  it("leaves its working out of the pack where it shows a small number the indicator suppresses", () => {
    expect(provenanceForPack(p, { suppressSmallNumbers: false, valueSuppressed: false }, 5)).toEqual(p);
    expect(provenanceForPack(p, { suppressSmallNumbers: true, valueSuppressed: false }, 5)).toMatchObject({
      numerator: null,
      denominator: null,
      words: null,
      asAt: "2020-03-31",
    });
    expect(provenanceForPack({ ...p, numerator: 30 }, { suppressSmallNumbers: true, valueSuppressed: false }, 5)).toMatchObject({
      numerator: 30,
      words: "3 of 40 children",
    });
    expect(provenanceForPack({ ...p, numerator: 30 }, { suppressSmallNumbers: false, valueSuppressed: true }, 5)).toMatchObject({
      numerator: null,
    });
    expect(describeProvenanceInFull({ ...p, numerator: null, denominator: null, words: null })).not.toContain("children");
  });
});
