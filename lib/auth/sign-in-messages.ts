// What the sign-in page says for each outcome. Wrong email and wrong password read the same.
import { ADDRESS_WINDOW_MINUTES, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";

export function signInErrorMessage(code: string | undefined): string | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "INVALID":
    case "CredentialsSignin":
      return "The email address or password is not right";
    case "LOCKED":
      return `This account is locked after ${MAX_FAILED_SIGN_INS} failed sign-in attempts. Try again in ${LOCK_MINUTES} minutes, or ask an administrator to unlock it`;
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
