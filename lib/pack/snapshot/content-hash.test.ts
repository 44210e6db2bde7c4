import { createHash, createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { canonicalJson, contentHash, verifyContentHash, verifyPlainContentHash } from "@/lib/pack/snapshot/content-hash";

describe("content hash", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: "x" }] })).toBe('{"a":[1,{"c":"x","d":null}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
  });
  it("is a keyed HMAC-SHA256 naming its key, and detects any change", () => {
    const snap = { month: "2019-08", sections: [{ indicators: [{ code: "CONTACTS", value: 1337 }] }] };
    const h = contentHash(snap);
    expect(h).toMatch(/^hmac-sha256:[0-9a-f]{12}:[0-9a-f]{64}$/);
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
  it("cannot be recomputed after an edit without the server's secret (issue 25, item 14)", () => {
    vi.stubEnv("INTEGRITY_SECRET", "the-servers-own-integrity-secret-0123456789");
    const snap = { month: "2019-08", sections: [{ indicators: [{ code: "CONTACTS", value: 1337 }] }] };
    const edited = { month: "2019-08", sections: [{ indicators: [{ code: "CONTACTS", value: 1 }] }] };
    const keyId = contentHash(snap).split(":")[1];
    // What someone who can edit the database, but does not hold the secret, could write beside an edit:
    const plain = createHash("sha256").update(canonicalJson(edited)).digest("hex");
    const otherKey = createHmac("sha256", "a-guess-at-the-secret").update(canonicalJson(edited)).digest("hex");
    expect(verifyContentHash(edited, plain)).toBe(false);
    expect(verifyContentHash(edited, `hmac-sha256:${keyId}:${otherKey}`)).toBe(false);
    expect(verifyContentHash(edited, `hmac-sha256:${keyId}:${plain}`)).toBe(false);
    // A plain hash from before the key is still checked as one, only ever to key it (rekey-pack-hashes.ts).
    expect(verifyPlainContentHash(edited, plain)).toBe(true);
    expect(verifyPlainContentHash(snap, plain)).toBe(false);
    vi.unstubAllEnvs();
  });
  it("made under a secret since replaced verifies while that secret is listed as previous", () => {
    const snap = { month: "2019-08", sections: [] };
    vi.stubEnv("INTEGRITY_SECRET", "the-first-integrity-secret-0123456789-abcdef");
    const h = contentHash(snap);
    vi.stubEnv("INTEGRITY_SECRET", "the-second-integrity-secret-0123456789-abcdef");
    expect(verifyContentHash(snap, h)).toBe(false);
    expect(contentHash(snap).split(":")[1]).not.toBe(h.split(":")[1]);
    vi.stubEnv("INTEGRITY_SECRET_PREVIOUS", "the-first-integrity-secret-0123456789-abcdef");
    expect(verifyContentHash(snap, h)).toBe(true);
    vi.unstubAllEnvs();
  });
});
