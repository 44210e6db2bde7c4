// The sign-in form's answers, as field errors: what is missing, then what the sign-in said. Pure, so
// the page says the same with and without JavaScript (app/(auth)/login/actions.ts).
import { publicSignInError, signInErrorMessage } from "@/lib/auth/sign-in-messages";
import type { SignInFailure } from "@/lib/auth/sign-in";
import { damagedTextMessage, hasDamagedText, hasNul, nulMessage } from "@/lib/validation/text";

export type SignInFields = { email: string; password: string; code: string; step: "password" | "code" };
export type SignInFormErrors = { fieldErrors: Record<string, string>; message?: string; needCode: boolean };

const ENTER_CODE = signInErrorMessage("SECOND_FACTOR")!;

const unreadable = (s: string, field: string) =>
  hasNul(s) ? nulMessage(field) : hasDamagedText(s) ? damagedTextMessage(field) : undefined;

/** Every missing or unreadable field at once (NUL cannot reach the database), or null when the form is complete. */
export function signInFieldProblems(f: SignInFields): SignInFormErrors | null {
  const fieldErrors: Record<string, string> = {};
  const email = f.email.trim() ? unreadable(f.email, "The email address") : "Enter your email address";
  const password = f.password ? unreadable(f.password, "The password") : "Enter your password";
  const code = f.step === "code" && !f.code.trim() ? ENTER_CODE : unreadable(f.code, "The code");
  if (email) fieldErrors.email = email;
  if (password) fieldErrors.password = password;
  if (code) fieldErrors.code = code;
  return Object.keys(fieldErrors).length ? { fieldErrors, needCode: f.step === "code" } : null;
}

/**
 * A refused sign-in, against the field it is about: a wrong email or password (one message for both,
 * and for a locked account) on the password; a missing or wrong code on the code. What concerns neither
 * field (too many attempts from the network, a Microsoft account, an expired password) is the summary's.
 */
export function signInRefusal(reason: SignInFailure, step: SignInFields["step"]): SignInFormErrors {
  const code = publicSignInError(reason);
  const text = signInErrorMessage(code) ?? signInErrorMessage("default")!;
  if (code === "SECOND_FACTOR" || code === "SECOND_FACTOR_INVALID") return { fieldErrors: { code: text }, needCode: true };
  if (code === "INVALID") return { fieldErrors: { password: text }, needCode: step === "code" };
  return { fieldErrors: {}, message: text, needCode: false };
}
