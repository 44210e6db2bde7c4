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
  it("covers the frozen chart drawings as well as the figures", () => {
    const chart = '<svg role="img"><title>Contacts</title><path d="M0 10L5 8"/></svg>';
    const snap = { month: "2019-08", charts: { CONTACTS: chart }, sections: [] };
    const h = contentHash(snap);
    const redrawn = structuredClone(snap);
    redrawn.charts.CONTACTS = redrawn.charts.CONTACTS.replace("L5 8", "L5 2");
    expect(verifyContentHash(redrawn, h)).toBe(false);
    expect(verifyContentHash({ ...snap, charts: {} }, h)).toBe(false);
    expect(verifyContentHash({ ...snap, charts: { ...snap.charts, EXTRA: "<svg/>" } }, h)).toBe(false);
  });
});
