// Lockout policy, shared by the sign-in check and the messages that describe it.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
