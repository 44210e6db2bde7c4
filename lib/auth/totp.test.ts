// The TOTP codes themselves (lib/auth/totp.ts), without a database: RFC 6238's test vector, the
// one-step allowance for clock drift either way and no more, and no code at or before the last used
// step. (The drift window had no test: found by npm run test:mutation.)
import { describe, expect, it } from "vitest";
import { base32Encode, matchTotp, totpCode, totpStep } from "@/lib/auth/totp";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP codes", () => {
  it("match RFC 6238's test vectors (the last 6 digits of its 8)", () => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(59_000)))).toBe("287082");
    expect(totpCode(RFC_SECRET, totpStep(new Date(1_111_111_109_000)))).toBe("081804");
    expect(totpCode(RFC_SECRET, totpStep(new Date(1_234_567_890_000)))).toBe("005924");
  });

  it("accept the code of the step before or after now, for clock drift, and no further", () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    const codeAt = (s: number) => totpCode(RFC_SECRET, s);
    expect(matchTotp(RFC_SECRET, codeAt(step), now, null)).toBe(step);
    expect(matchTotp(RFC_SECRET, codeAt(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, codeAt(step + 1), now, null)).toBe(step + 1);
    for (const far of [step - 2, step + 2, step - 10]) {
      if ([step - 1, step, step + 1].some((s) => codeAt(s) === codeAt(far))) continue; // a chance collision of 6 digits
      expect(matchTotp(RFC_SECRET, codeAt(far), now, null), `step ${far - step}`).toBeNull();
    }
  });

  it("refuse a code at or before the last step used, so a code seen once cannot be used again", () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now, step - 1)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now, step - 1)).toBe(step);
  });

  it("take only six digits, spaces allowed", () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SECRET, totpStep(now));
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(totpStep(now));
    expect(matchTotp(RFC_SECRET, `${code}0`, now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, "abcdef", now, null)).toBeNull();
  });
});
