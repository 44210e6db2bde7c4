import { describe, expect, it } from "vitest";
import { findPasswordProblem } from "@/lib/auth/password-rules";

const EMAIL = "dana.price@northbridge.example";

describe("password rules", () => {
  it("accepts a long password that is not the email or common", () => {
    expect(findPasswordProblem("orbit-lantern-quietly", EMAIL)).toBeNull();
  });
  it("needs at least 12 characters", () => {
    expect(findPasswordProblem("short-pass1", EMAIL)).toMatch(/at least 12 characters/);
  });
  it("refuses the email address and its name part", () => {
    expect(findPasswordProblem("Dana.Price@Northbridge.example", EMAIL)).toMatch(/email address/);
    expect(findPasswordProblem("dana_price", "dana_price@x.example")).toMatch(/12 characters/);
    expect(findPasswordProblem("DanaPrice", "danaprice@x.example")).toMatch(/12 characters/);
    expect(findPasswordProblem("dana-price-2026", "danaprice2026@x.example")).toMatch(/email address/);
  });
  it("refuses common passwords from the shipped list, and common roots with digits added", () => {
    for (const p of [
      "password1234",
      "Password123456",
      "qwertyuiop123",
      "iloveyou1234!",
      "123456789012",
      "aaaaaaaaaaaa",
      "football2026!",
      "scrutiny-demo",
    ]) {
      expect(findPasswordProblem(p, EMAIL), p).toMatch(/too common/);
    }
  });
});
