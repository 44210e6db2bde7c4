import { describe, expect, it } from "vitest";
import { CROSS_SITE_MESSAGE, NOT_AN_ORIGIN_MESSAGE, refuseCrossSite, refuseForeignOrigin } from "@/lib/security/same-origin";

const from = (origin: string | null, host = "localhost:3300", extra: Record<string, string> = {}) =>
  new Headers({ host, ...(origin === null ? {} : { origin }), ...extra });

describe("the Origin rule", () => {
  it("passes our own origin, and a request with none", () => {
    expect(refuseForeignOrigin(from("http://localhost:3300"))).toBeNull();
    expect(refuseForeignOrigin(from("https://scrutiny.example", "scrutiny.example"))).toBeNull();
    // The default port, named in Host or not, is the same origin.
    expect(refuseForeignOrigin(from("https://scrutiny.example", "scrutiny.example:443"))).toBeNull();
    expect(refuseForeignOrigin(from(null))).toBeNull();
  });

  it("refuses an address with a user in it, whose host a parser reads as ours, and anything but scheme://host[:port]", () => {
    for (const origin of [
      "http://evil.example@localhost:3300",
      "http://user:pass@localhost:3300",
      "http://localhost:3300/",
      "http://localhost:3300/path",
      "http://localhost:3300?x",
      "not a url",
      "localhost:3300",
    ]) {
      expect(refuseForeignOrigin(from(origin)), origin).toEqual({ status: 400, message: NOT_AN_ORIGIN_MESSAGE });
    }
  });

  it("refuses another site, and the opaque origin browsers send as null, as cross-site", () => {
    for (const origin of ["http://evil.example", "http://localhost:3301", "null", "http://localhost.evil.example:3300"]) {
      expect(refuseForeignOrigin(from(origin)), origin).toEqual({ status: 403, message: CROSS_SITE_MESSAGE });
    }
    expect(refuseCrossSite(from("null"))).toEqual({ status: 403, message: CROSS_SITE_MESSAGE });
    expect(refuseCrossSite(from("not a url"))).toEqual({ status: 400, message: NOT_AN_ORIGIN_MESSAGE });
  });
});
