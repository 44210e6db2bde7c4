import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "@/lib/auth/session-token-cache";

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
