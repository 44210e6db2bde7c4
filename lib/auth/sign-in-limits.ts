// Lockout and back-off policy, shared by the sign-in check and the messages that describe it.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
/**
 * Failed sign-ins one client address may make, across all accounts, per window: 10, or
 * SIGN_IN_FAILURES_PER_ADDRESS (the browser tests raise it: every one of them signs in from 127.0.0.1).
 */
export function maxFailuresPerAddress(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SIGN_IN_FAILURES_PER_ADDRESS);
  return Number.isInteger(n) && n > 0 ? n : 10;
}
export const ADDRESS_WINDOW_MINUTES = 15;

/** A password an administrator chose (a new account, or a reset) works for this long unless changed. */
export const ADMIN_SET_PASSWORD_HOURS = 72;

/** True when the account's password was chosen by an administrator more than 72 hours before `now`. */
export function adminSetPasswordExpired(user: { mustChangePassword: boolean; passwordSetAt: Date | null }, now: Date): boolean {
  // No stamp cannot happen for a password set since the stamp existed (a trigger sets it): treat as expired.
  if (!user.mustChangePassword) return false;
  return !user.passwordSetAt || now.getTime() - user.passwordSetAt.getTime() > ADMIN_SET_PASSWORD_HOURS * 3_600_000;
}
