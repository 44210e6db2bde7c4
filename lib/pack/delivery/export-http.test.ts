import { describe, expect, it } from "vitest";
import {
  downloadHeaders,
  downloadRefusal,
  packCacheControl,
  packPageCacheControl,
  parseVersionParam,
} from "@/lib/pack/delivery/export-http";

describe("cache policy for pack downloads", () => {
  it("never stores a members-only pack, not even in the browser (a shared computer after sign-out)", () => {
    for (const versionAddressed of [true, false]) {
      const cc = packCacheControl({ publicPacks: false, published: true, versionAddressed });
      expect(cc).toBe("private, no-store");
      expect(cc).not.toMatch(/public|max-age/);
    }
  });
  it("lets shared caches keep public packs, but a version only while it is still what the server says (it changes when superseded)", () => {
    const cc = packCacheControl({ publicPacks: true, published: true, versionAddressed: true });
    expect(cc).toBe("public, no-cache");
    expect(cc).not.toMatch(/immutable|max-age=[1-9]/);
    expect(packCacheControl({ publicPacks: true, published: true, versionAddressed: false })).toBe("public, max-age=300");
  });
  it("never stores what is personal or unpublished in a shared cache", () => {
    expect(packCacheControl({ publicPacks: true, published: false, versionAddressed: true })).toBe("private, no-store");
    expect(packCacheControl({ publicPacks: true, published: true, versionAddressed: true, personal: true })).toBe("private, no-store");
  });
});

describe("cache policy for the pack page", () => {
  it("never lets a cache keep a version's page past its supersession", () => {
    expect(packPageCacheControl({ signedIn: false })).toBe("public, no-cache");
    expect(packPageCacheControl({ signedIn: true })).toBe("private, no-store");
  });
});

describe("the version in the address", () => {
  it("reads a whole number from 1, and treats anything else as a version that does not exist", () => {
    expect(parseVersionParam(null)).toEqual({ ok: true, version: undefined });
    expect(parseVersionParam("2")).toEqual({ ok: true, version: 2 });
    for (const bad of ["0", "-1", "1.5", "abc", "", "01", "99999"]) expect(parseVersionParam(bad)).toEqual({ ok: false });
  });
});

describe("download responses", () => {
  it("answers each refusal with its status and a page that is never cached", async () => {
    for (const [status, message] of [
      [401, "Sign in"],
      [403, "No"],
      [404, "No pack <b>"],
      [409, "Tampered"],
    ] as const) {
      const res = downloadRefusal(status, message, "/packs/2019-07");
      expect(res.status).toBe(status);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const html = await res.text();
      expect(html).toContain('<html lang="en-GB">');
      expect(html).not.toContain("<b>");
    }
    expect(await downloadRefusal(401, "Sign in", "/packs/2019-07").text()).toContain('href="/login?callbackUrl=%2Fpacks%2F2019-07"');
  });
  it("says only that the download did not work on a 500, whatever the message", async () => {
    const res = downloadRefusal(500, "db password is hunter2", "/packs/2019-07");
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).not.toContain("hunter2");
    expect(html).toContain("The download did not work. Try again later.");
  });
  it("sends downloads as attachments with their type", () => {
    expect(downloadHeaders("csv", "x.csv", "private, max-age=300")).toMatchObject({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="x.csv"',
      "Cache-Control": "private, max-age=300",
    });
    expect(downloadHeaders("pdf", "x.pdf", "c", 10)["Content-Length"]).toBe("10");
  });
});
