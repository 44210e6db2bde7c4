import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  downloadErrorResponse,
  downloadHeaders,
  packCacheControl,
  packPageCacheControl,
  parseVersionParam,
} from "@/lib/pack/delivery/export-http";

describe("cache policy for pack downloads", () => {
  it("keeps members-only packs in the browser only, never in a shared cache", () => {
    for (const versionAddressed of [true, false]) {
      const cc = packCacheControl({ publicPacks: false, published: true, versionAddressed });
      expect(cc).toBe("private, max-age=300");
      expect(cc).not.toMatch(/public|s-maxage/);
    }
  });
  it("lets shared caches keep public packs, but a version only while it is still what the server says (it changes when superseded)", () => {
    const cc = packCacheControl({ publicPacks: true, published: true, versionAddressed: true });
    expect(cc).toBe("public, no-cache");
    expect(cc).not.toMatch(/immutable|max-age=[1-9]/);
    expect(packCacheControl({ publicPacks: true, published: true, versionAddressed: false })).toBe("public, max-age=300");
  });
  it("never stores what is personal or unpublished in a shared cache", () => {
    expect(packCacheControl({ publicPacks: true, published: false, versionAddressed: true })).toBe("private, max-age=300");
    expect(packCacheControl({ publicPacks: true, published: true, versionAddressed: true, personal: true })).toBe("private, no-store");
  });
});

describe("cache policy for the pack page", () => {
  it("never lets a cache keep a version's page past its supersession", () => {
    expect(packPageCacheControl({ signedIn: false })).toBe("public, no-cache");
    expect(packPageCacheControl({ signedIn: true })).toBe("private, no-cache");
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
  it("maps domain errors to statuses with a page that is never cached", async () => {
    const cases: [AppError, number][] = [
      [new AppError("UNAUTHENTICATED", "Sign in"), 401],
      [new AppError("FORBIDDEN", "No"), 403],
      [new AppError("NOT_FOUND", "No pack <b>"), 404],
      [new AppError("CONFLICT", "Tampered"), 409],
    ];
    for (const [e, status] of cases) {
      const res = downloadErrorResponse(e, "test", "/packs/2019-07");
      expect(res.status).toBe(status);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const html = await res.text();
      expect(html).toContain('<html lang="en-GB">');
      expect(html).not.toContain("<b>");
    }
  });
  it("hides unexpected errors behind a plain 500", async () => {
    const spy = console.error;
    console.error = () => {};
    try {
      const res = downloadErrorResponse(new Error("db password is hunter2"), "test", "/packs/2019-07");
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain("hunter2");
    } finally {
      console.error = spy;
    }
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
