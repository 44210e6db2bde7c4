// The one permission table (role x action). Every server action, route handler and query asks it;
// anything not listed is denied. Section ownership narrows SERVICE_LEAD further (see canEditSection).
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { ROLES, type SessionUser } from "@/lib/auth/roles";

const ALL = ROLES;

export const PERMISSIONS = {
  "home.view": ALL,
  // Everyone with a local account changes their own password (and only their own).
  "account.changeOwnPassword": ALL,
  "account.secondFactor": ALL,
  "admin.view": ["ADMIN"],
  "indicator.manage": ["ADMIN"],
  "section.manage": ["ADMIN"],
  "user.manage": ["ADMIN"],
  // Lets an account linked to Entra ID sign in with its local password again (bypassing Entra's checks).
  "user.allowLocalSignIn": ["ADMIN"],
  "audit.view": ["ADMIN"],
  "reminders.send": ["ADMIN"],
  "period.open": ["ADMIN"],
  "period.view": ["ADMIN", "SERVICE_LEAD", "DIRECTOR"],
  "value.edit": ["ADMIN", "SERVICE_LEAD"],
  "value.import": ["ADMIN"],
  // The council's child population (ONS mid-year estimates): the denominator of every computed rate.
  "population.manage": ["ADMIN"],
  // DfE's published figures, the council's LA number and the indicator-to-measure links.
  "national.manage": ["ADMIN"],
  "commentary.view": ["ADMIN", "SERVICE_LEAD", "DIRECTOR"],
  "commentary.draft": ["ADMIN", "SERVICE_LEAD"],
  "commentary.submit": ["ADMIN", "SERVICE_LEAD"],
  "commentary.review": ["DIRECTOR"],
  // Actions on exceptions: recorded by the section's leads (and administrators), reviewed with the commentary.
  "exceptionAction.manage": ["ADMIN", "SERVICE_LEAD"],
  "pack.preview": ["ADMIN", "SERVICE_LEAD", "DIRECTOR"],
  "pack.signOff": ["DIRECTOR"],
  "pack.publish": ["DIRECTOR"],
  "pack.amend": ["DIRECTOR"],
  "pack.readPublished": ALL,
  "pack.verifyIntegrity": ["ADMIN", "DIRECTOR"],
  // Questions before the meeting: members ask; a section's leads (a pack-wide question, the director)
  // answer; the director approves. Staff see every question; a member sees their own and answered ones.
  "question.ask": ["PANEL_MEMBER"],
  "question.answer": ["SERVICE_LEAD", "DIRECTOR"],
  "question.review": ["DIRECTOR"],
  "question.viewAll": ["ADMIN", "SERVICE_LEAD", "DIRECTOR"],
  // Recommendations: the administrator (the council's scrutiny officer) records what the panel
  // recommended; the director records the executive's response and its progress; everyone reads them.
  "recommendation.record": ["ADMIN"],
  "recommendation.respond": ["DIRECTOR"],
  "recommendation.view": ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role | undefined | null, action: Action): boolean {
  if (!role) return false;
  const allowed: readonly Role[] | undefined = PERMISSIONS[action];
  return Array.isArray(allowed) && allowed.includes(role);
}

export function assertCan(user: SessionUser | null | undefined, action: Action): asserts user is SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "You need to sign in");
  if (!can(user.role, action)) throw new AppError("FORBIDDEN", "You do not have access to do that");
}

/** Values and commentary of a section: administrators, and the service leads who own it. */
export function canEditSection(user: SessionUser, ownerIds: readonly string[]): boolean {
  if (user.role === "ADMIN") return true;
  return user.role === "SERVICE_LEAD" && ownerIds.includes(user.id);
}
