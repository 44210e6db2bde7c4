import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, verifyContentHash } from "@/lib/pack/snapshot/content-hash";

describe("content hash", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: "x" }] })).toBe('{"a":[1,{"c":"x","d":null}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
  });
  it("is SHA-256 hex and detects any change", () => {
    const snap = { month: "2019-08", sections: [{ indicators: [{ code: "CONTACTS", value: 1337 }] }] };
    const h = contentHash(snap);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyContentHash(snap, h)).toBe(true);
    const tampered = structuredClone(snap);
    tampered.sections[0].indicators[0].value = 1338;
    expect(verifyContentHash(tampered, h)).toBe(false);
  });
});
