import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionTokenOf } from "@/lib/auth/session-token-cache";

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("the session token cache", () => {
  it("decodes as next-auth does, and gives the same payload again without decrypting", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret });
    expect(first).toMatchObject({ uid: "u1", sid: "s1" });
    expect(await decodeSessionToken({ token, secret })).toBe(first);
  });

  it("refuses an altered token, a token under another secret, and an expired one", async () => {
    const token = await encode({ token: { uid: "u2" }, secret, maxAge: 60 });
    await decodeSessionToken({ token, secret });
    const altered = `${token.slice(0, -4)}AAAA`;
    await expect(decodeSessionToken({ token: altered, secret })).rejects.toThrow("decryption operation failed");
    await expect(decodeSessionToken({ token, secret: "another-secret-that-is-long-enough-0123456789" })).rejects.toThrow(
      "decryption operation failed",
    );
    const expired = await encode({ token: { uid: "u3" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow('"exp" claim timestamp check failed');
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });
});

describe("the session token among a request's cookies", () => {
  const name = "next-auth.session-token";
  it("is the cookie of that name, or its numbered chunks joined in order, and nothing else", () => {
    expect(
      sessionTokenOf(
        [
          { name: "other", value: "x" },
          { name, value: "abc" },
        ],
        name,
      ),
    ).toBe("abc");
    const chunks = [
      { name: `${name}.1`, value: "def" },
      { name: "other", value: "x" },
      { name: `${name}.10`, value: "ghi" },
      { name: `${name}.0`, value: "abc" },
    ];
    expect(sessionTokenOf(chunks, name)).toBe("abcdefghi");
    // Cookies whose names merely start with it (as a sibling's planted prefix would) are not chunks.
    expect(
      sessionTokenOf(
        [
          { name: `${name}-x`, value: "planted" },
          { name: `__Host-${name}`, value: "other" },
        ],
        name,
      ),
    ).toBeNull();
    expect(sessionTokenOf([], name)).toBeNull();
  });
});
