// The canonical form the content hash is taken over: the same for a snapshot as built in memory and as
// PostgreSQL's jsonb gives it back (which drops keys holding undefined), and different for anything a
// reader would see differently, such as sections or months in another order. (Gaps found by npm run
// test:mutation.)
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, verifyContentHash } from "@/lib/pack/snapshot/content-hash";

/** What storing in a jsonb column and reading back does to a value: JSON's rules, keys in any order. */
const throughJsonb = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("the content hash's canonical form", () => {
  it("is the same before and after a round trip through jsonb, which drops keys holding undefined", () => {
    const built = {
      month: "2019-08",
      amendmentReason: undefined,
      sections: [{ slug: "demand", commentary: undefined, indicators: [{ code: "A", note: undefined, value: 3 }] }],
    };
    expect(canonicalJson(built)).toBe(canonicalJson(throughJsonb(built)));
    expect(verifyContentHash(throughJsonb(built), contentHash(built))).toBe(true);
    // A key holding null is kept: null is a value the pack shows ("no figure").
    expect(contentHash({ a: 1, b: null })).not.toBe(contentHash({ a: 1 }));
  });

  it("keeps the order of lists: sections, indicators and trend months in another order are another pack", () => {
    expect(canonicalJson([2, 1])).toBe("[2,1]");
    const snap = {
      sections: [{ slug: "demand" }, { slug: "care" }],
      trend: [
        { month: "2019-07", value: 1 },
        { month: "2019-08", value: 2 },
      ],
    };
    const hash = contentHash(snap);
    expect(verifyContentHash({ ...snap, sections: [...snap.sections].reverse() }, hash)).toBe(false);
    expect(
      verifyContentHash(
        {
          ...snap,
          trend: [
            { month: "2019-07", value: 2 },
            { month: "2019-08", value: 1 },
          ],
        },
        hash,
      ),
    ).toBe(false);
  });
});
