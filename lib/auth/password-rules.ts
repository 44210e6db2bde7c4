// The rules for a password someone chooses: at least 12 characters, not their email address (or
// its name part), and not a common password. One message per problem, fit for a GOV.UK field error.
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { COMMON_PASSWORD_ROOTS, COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

const MAX_PASSWORD_LENGTH = 1024;
const ROOTS = new Set(COMMON_PASSWORD_ROOTS);

/** Why this password may not be used, or null when it may. */
export function findPasswordProblem(password: string, email: string): string | null {
  if (!password) return "Enter a new password";
  if (password.length < MIN_PASSWORD_LENGTH) return `Your new password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Your new password must be ${MAX_PASSWORD_LENGTH.toLocaleString("en-GB")} characters or fewer`;
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const namePart = address.split("@")[0];
  if (lower === address || (namePart.length >= 4 && lower.replace(/[^a-z]/g, "") === namePart.replace(/[^a-z]/g, ""))) {
    return "Your new password must not be your email address";
  }
  if (isCommon(lower)) return "Your new password is too common: choose one that is harder to guess, such as three random words";
  return null;
}

function isCommon(lower: string): boolean {
  if (COMMON_PASSWORDS.has(lower)) return true;
  // One character over and over, or a common root with digits and symbols around it.
  if (new Set(lower).size <= 2) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  return core === "" || ROOTS.has(core);
}
