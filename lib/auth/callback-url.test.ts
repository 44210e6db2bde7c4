import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("where sign-in returns to", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/packs/2019-07?version=2#ind-CP_PLANS")).toBe("/packs/2019-07?version=2#ind-CP_PLANS");
    expect(safeCallbackUrl("/periods/2019-08/sections/demand")).toBe("/periods/2019-08/sections/demand");
  });

  it("never returns another site: absolute, protocol-relative, or a path that normalises to one", () => {
    for (const raw of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "/%2e//evil.example",
      "/./\\evil.example",
      "/%2E%2E//evil.example/path",
      "javascript:alert(1)",
    ]) {
      const out = safeCallbackUrl(raw);
      expect(out, raw).toMatch(/^\/(?![/\\])/);
      expect(new URL(out, "https://council.example").origin, raw).toBe("https://council.example");
    }
  });

  it("sends sign-in pages, API routes and nothing to the home page", () => {
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("/api/auth/session")).toBe("/");
    expect(safeCallbackUrl("")).toBe("/");
    expect(safeCallbackUrl(null)).toBe("/");
  });
});
