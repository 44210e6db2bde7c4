import { describe, expect, it } from "vitest";
import { pdfRenderOrigin, sessionCookieHeader } from "@/lib/pack/delivery/pdf-render";

describe("what the PDF renderer may use from the request", () => {
  it("forwards only the next-auth session cookie (and its chunks), nothing else", () => {
    expect(sessionCookieHeader(null)).toBe("");
    expect(sessionCookieHeader("next-auth.session-token=abc; theme=dark; next-auth.csrf-token=x")).toBe("next-auth.session-token=abc");
    expect(sessionCookieHeader("__Secure-next-auth.session-token.0=a; __Secure-next-auth.session-token.1=b; _ga=1")).toBe(
      "__Secure-next-auth.session-token.0=a; __Secure-next-auth.session-token.1=b",
    );
    expect(sessionCookieHeader("evil-next-auth.session-token=x")).toBe("");
  });
  it("loads pages from loopback on the app's own port, or a configured origin, never from the request", () => {
    expect(pdfRenderOrigin({ PORT: "3205" })).toBe("http://127.0.0.1:3205");
    expect(pdfRenderOrigin({})).toBe("http://127.0.0.1:3000");
    expect(pdfRenderOrigin({ PORT: "nope" })).toBe("http://127.0.0.1:3000");
    expect(pdfRenderOrigin({ PDF_RENDER_ORIGIN: "http://[::1]:8080/ignored/path" })).toBe("http://[::1]:8080");
  });
});
