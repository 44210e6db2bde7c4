import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/security-headers";
import { nonceInPolicy, reissueNonce } from "@/lib/security/page-nonce";

describe("nonceInPolicy", () => {
  it("reads the nonce from the page policy, and none from a policy without one", () => {
    expect(nonceInPolicy(contentSecurityPolicy("AbC+/12=", true))).toBe("AbC+/12=");
    expect(nonceInPolicy(contentSecurityPolicy(undefined, true))).toBeNull();
    expect(nonceInPolicy(null)).toBeNull();
  });
});

describe("reissueNonce", () => {
  const page = `<script nonce="old+/N==">self.__next_f.push([1,"{\\"nonce\\":\\"old+/N==\\"}"])</script><link rel="preload" as="script" nonce="old+/N==" href="/a.js"/><p>old text</p>`;

  it("moves every use of the rendering nonce onto the response's nonce", () => {
    const out = reissueNonce(page, "old+/N==", "new$&N==");
    expect(out).not.toContain("old+/N==");
    expect(out.split("new$&N==")).toHaveLength(4);
    expect(out).toContain("<p>old text</p>");
  });

  it("leaves the page alone when either nonce is missing", () => {
    expect(reissueNonce(page, null, "new")).toBe(page);
    expect(reissueNonce(page, "old+/N==", null)).toBe(page);
  });
});
