// What the sign-in page says for each outcome. A wrong email, a wrong password and a locked account
// read the same: only real accounts lock, so a distinct "locked" would tell them from unknown ones.
import { ADDRESS_WINDOW_MINUTES, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";

/**
 * The code a refused sign-in shows the browser (next-auth puts it in the sign-in page's address).
 * LOCKED becomes INVALID there: the audit log keeps the real reason.
 */
export function publicSignInError(reason: string): string {
  return reason === "LOCKED" ? "INVALID" : reason;
}

const NOT_RIGHT = `The email address or password is not right. After ${MAX_FAILED_SIGN_INS} wrong attempts in a row an account is locked for ${LOCK_MINUTES} minutes: then wait, or ask an administrator to unlock it`;

export function signInErrorMessage(code: string | undefined): string | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "INVALID":
    case "LOCKED":
    case "CredentialsSignin":
      return NOT_RIGHT;
    case "ENTRA_ONLY":
      return "This account signs in with Microsoft: use Sign in with Microsoft instead. Ask an administrator if you cannot";
    case "PASSWORD_EXPIRED":
      return "The password an administrator set for you has expired. Ask an administrator for a new one";
    case "WRONG_TENANT":
      return "Sign in with your council's Microsoft account";
    case "THROTTLED":
      return `There have been too many failed sign-in attempts from your network. Try again in ${ADDRESS_WINDOW_MINUTES} minutes`;
    case "NOT_PROVISIONED":
      return "Your Microsoft account has no Scrutiny Pack role. Ask an administrator to give you access";
    case "SECOND_FACTOR":
      return "Enter the 6-digit code from your authenticator app, or one of your recovery codes";
    case "SECOND_FACTOR_INVALID":
      return "The code is not right: enter the code your authenticator app shows now, or one of your recovery codes";
    case "ENTRA_CONFLICT":
      return "An account with your email address is already linked to a different Microsoft account. Ask an administrator to check it";
    case "LAST_ADMIN":
      return "Your Microsoft account no longer has the administrator role, but you are the only active administrator. Ask for the role back, or make someone else an administrator first";
    case "INACTIVE":
      return "Your account has been deactivated. Ask an administrator if you need access";
    case "SessionRequired":
      return "Sign in to continue";
    default:
      return "Sign-in did not work. Try again";
  }
}
