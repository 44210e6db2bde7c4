// Lockout and back-off policy, shared by the sign-in check and the messages that describe it.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
/** Failed sign-ins one client address may make, across all accounts, per window. */
export const MAX_FAILURES_PER_ADDRESS = 10;
export const ADDRESS_WINDOW_MINUTES = 15;
