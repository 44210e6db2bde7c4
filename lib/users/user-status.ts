// How an account's state reads to an administrator: active, deactivated or locked until a time.
const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });
const LONDON_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

export type UserStatus =
  | { kind: "active"; label: "Active" }
  | { kind: "deactivated"; label: "Deactivated" }
  | { kind: "locked"; label: string; lockedUntil: Date };

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

export function userStatus(user: { active: boolean; lockedUntil: Date | null }, now = new Date()): UserStatus {
  if (!user.active) return { kind: "deactivated", label: "Deactivated" };
  if (user.lockedUntil && isLocked(user, now)) {
    const sameDay = LONDON_DAY.format(user.lockedUntil) === LONDON_DAY.format(now);
    const time = LONDON_TIME.format(user.lockedUntil);
    return {
      kind: "locked",
      lockedUntil: user.lockedUntil,
      label: `Locked until ${time}${sameDay ? "" : ` on ${LONDON_DAY.format(user.lockedUntil)}`}`,
    };
  }
  return { kind: "active", label: "Active" };
}

/** GOV.UK tag colours; the words carry the meaning, the colour only repeats it. */
export const STATUS_TAG_CLASS: Record<UserStatus["kind"], string> = {
  active: "govuk-tag govuk-tag--green",
  deactivated: "govuk-tag govuk-tag--grey",
  locked: "govuk-tag govuk-tag--red",
};
