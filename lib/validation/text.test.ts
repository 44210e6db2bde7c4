// The text schema every input starts from: NUL, U+FFFD (invalid UTF-8 after decoding) and lone
// surrogates are field errors naming the field; real text, emoji included, passes untouched.
import { describe, expect, it } from "vitest";
import { text } from "@/lib/validation/text";

const problem = (value: string) => {
  const r = text("Commentary").safeParse(value);
  return r.success ? null : r.error.issues.map((i) => i.message);
};

describe("text()", () => {
  it("passes ordinary text, accents and characters outside the BMP (a well-formed surrogate pair)", () => {
    for (const s of ["", "Referrals rose", "Café “quoted” €", "Good 👍 news", "\uD83D\uDC4D"]) expect(problem(s), s).toBeNull();
  });

  it("refuses U+FFFD, what bytes that are not UTF-8 become once decoded", () => {
    const decoded = new TextDecoder().decode(new Uint8Array([0x61, 0xc3, 0x28, 0x62]));
    expect(decoded).toContain("\uFFFD");
    expect(problem(decoded)).toEqual([expect.stringMatching(/^Commentary holds a character that could not be read/)]);
  });

  it("refuses half of a surrogate pair, either half, anywhere", () => {
    for (const s of ["\uD800", "a\uD83Db", "\uDC4Dx", "x\uDC4D\uD83D", "end\uDBFF"]) {
      expect(problem(s), JSON.stringify(s)).toEqual([expect.stringMatching(/^Commentary holds a character that could not be read/)]);
    }
  });

  it("still refuses NUL, with its own message and only one error", () => {
    expect(problem("a\u0000\uFFFD")).toEqual([expect.stringMatching(/^Commentary must not contain a NUL character/)]);
  });
});
