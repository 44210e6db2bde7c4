import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { signInFieldProblems, signInRefusal } from "@/lib/auth/sign-in-form";

const NOT_RIGHT = /^The email address or password is not right/;

describe("the sign-in form's answers", () => {
  it("names every missing field at once, and the code only at the code step", () => {
    expect(signInFieldProblems({ email: " ", password: "", code: "", step: "password" })).toEqual({
      fieldErrors: { email: "Enter your email address", password: "Enter your password" },
      needCode: false,
    });
    expect(signInFieldProblems({ email: "a@b.example", password: "x", code: "", step: "code" })?.fieldErrors).toEqual({
      code: stringMatching(/^Enter the 6-digit code/),
    });
    expect(signInFieldProblems({ email: "a@b.example", password: "x", code: "", step: "password" })).toBeNull();
  });

  it("refuses text the database cannot hold as a field error, not a 500", () => {
    expect(signInFieldProblems({ email: "a\u0000@b.example", password: "x\uFFFD", code: "", step: "password" })?.fieldErrors).toEqual({
      email: stringMatching(/^The email address must not contain a NUL/),
      password: stringMatching(/^The password holds a character that could not be read/),
    });
  });

  it("puts a wrong email or password on the password field, a locked account in the same words", () => {
    expect(signInRefusal("INVALID", "password")).toEqual({ fieldErrors: { password: stringMatching(NOT_RIGHT) }, needCode: false });
    expect(signInRefusal("LOCKED", "password")).toEqual(signInRefusal("INVALID", "password"));
  });

  it("puts a missing or wrong code on the code field, and says the rest in the summary", () => {
    expect(signInRefusal("SECOND_FACTOR", "password")).toMatchObject({
      fieldErrors: { code: stringMatching(/^Enter the 6-digit/) },
      needCode: true,
    });
    expect(signInRefusal("SECOND_FACTOR_INVALID", "code")).toMatchObject({
      fieldErrors: { code: stringMatching(/not right/) },
      needCode: true,
    });
    expect(signInRefusal("THROTTLED", "password")).toMatchObject({ fieldErrors: {}, message: stringMatching(/too many failed/) });
    expect(signInRefusal("ENTRA_ONLY", "password").message).toMatch(/Sign in with Microsoft/);
  });
});
