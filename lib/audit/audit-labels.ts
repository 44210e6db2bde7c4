// Audit events in words: action codes like "user.roleChanged" become "Changed a user's role", and
// the before/after JSON becomes a list of fields a person can read.
import { roleLabel } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

const ACTION_LABELS: Record<string, string> = {
  "user.added": "Added a user",
  "user.roleChanged": "Changed a user's role",
  "user.deactivated": "Deactivated a user",
  "user.reactivated": "Reactivated a user",
  "user.passwordReset": "Reset a user's password",
  "user.unlocked": "Unlocked a user's account",
  "user.locked": "Locked an account after failed sign-ins",
  "user.entraLinked": "Linked an account to Microsoft Entra ID",
  "user.localSignInAllowed": "Allowed an account linked to Microsoft to sign in with its password",
  "user.localSignInRefused": "Made an account linked to Microsoft sign in with Microsoft only",
  "user.renamed": "Changed a user's name",
  "user.passwordChanged": "Changed their own password",
  "user.secondFactorEnabled": "Turned on two-step sign-in",
  "user.secondFactorDisabled": "Turned off two-step sign-in",
  "user.currentPasswordRefused": "Gave a wrong current password to change their account",
  "user.recoveryCodeReused": "Tried to sign in with a recovery code already used",
  "signIn.succeeded": "Signed in",
  "signIn.failed": "Failed to sign in",
  "signIn.signedOut": "Signed out",
  "signIn.throttled": "Refused sign-ins from one network address (too many failures)",
  "signIn.throttleEnded": "Sign-ins refused from one network address, in total for the window",
  "commentary.autosaved": "Commentary autosaved",
  "audit.exported": "Exported the audit log",
  "demo.seeded": "Loaded the demo council",
  "pack.contentHash.keyed": "Gave a pack frozen before keyed content hashes its keyed hash",
  "question.asked": "Asked a question about the pack",
  "question.save": "Saved a draft answer to a panel question",
  "question.submit": "Sent an answer for approval",
  "question.approve": "Approved the answer to a panel question",
  "question.return": "Returned the answer to a panel question",
  "question.answer": "Answered and approved a panel question",
  "recommendation.recorded": "Recorded a recommendation of the panel",
  "recommendation.respond": "Recorded the executive's response to a recommendation",
  "recommendation.update": "Added a progress update to a recommendation",
  "recommendation.implement": "Marked a recommendation as implemented",
  "recommendation.close": "Closed a recommendation",
  "recommendation.reminderSent": "Sent a reminder about a recommendation's response",
};

const FIELD_LABELS: Record<string, string> = {
  failedSignIns: "Failed sign-ins",
  lockedUntil: "Locked until",
  sectionsOwned: "Sections owned",
  email: "Email address",
  active: "Can sign in",
  localSignInAllowed: "May sign in with a password (linked to Microsoft)",
};

/** "fooBarBaz" and "foo_bar" become "foo bar baz" and "foo bar". */
const words = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Known actions have a sentence; others (from parts of the app added later) read as "Commentary submitted". */
export function describeAction(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  const [entity, ...rest] = action.split(".");
  return capitalise([words(entity), ...rest.map(words)].filter(Boolean).join(" "));
}

export function describeField(key: string): string {
  return FIELD_LABELS[key] ?? capitalise(words(key));
}

export function describeEntityType(entityType: string): string {
  return capitalise(words(entityType));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UK_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

/** One recorded value as text: dates in UK time, roles by name, yes/no, lists joined. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return value.toLocaleString("en-GB");
  if (typeof value === "string") {
    if (value in roleLabel) return roleLabel[value as Role];
    if (ISO_INSTANT.test(value)) return UK_DATE_TIME.format(new Date(value));
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(", ") : "(none)";
  return JSON.stringify(value);
}

export type FieldChange = { key: string; label: string; before: string; after: string; changed: boolean };

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? null : { value: v };

/**
 * The fields of an event's before and after, in the order they were recorded. With both sides,
 * `changed` marks the fields whose value differs.
 */
export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => {
    const bv = b?.[key];
    const av = a?.[key];
    return {
      key,
      label: describeField(key),
      before: b ? describeValue(bv) : "",
      after: a ? describeValue(av) : "",
      changed: Boolean(b && a) && JSON.stringify(bv ?? null) !== JSON.stringify(av ?? null),
    };
  });
}
