// Optional Microsoft Entra ID sign-in. Enabled only when all three ENTRA_* variables are set; only
// tokens from the configured tenant are accepted. Once an account is linked, Microsoft decides whether
// it may sign in: its local password is refused unless an administrator allows it again.
// Roles come from the app roles assigned in Entra (Scrutiny.Admin, Scrutiny.ServiceLead,
// Scrutiny.Director, Scrutiny.PanelMember). An account is found by its Entra object id; an account
// with no object id is linked by email once, and an account linked to another object id never is,
// so someone whose token carries another person's email cannot take over their account.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { assertAnotherActiveAdministrator } from "@/lib/users/change-guards";
import { isAppError } from "@/lib/errors";
import { findEntraTenantProblem } from "@/lib/auth/entra-tenant.mjs";

/**
 * The Entra settings, or null when sign-in with Microsoft is off. ENTRA_TENANT_ID must be the
 * council's directory (tenant) id (lib/auth/entra-tenant.mjs): anything else throws, at start-up
 * (options.ts reads this when it loads), so a multi-tenant setting never serves a single sign-in.
 */
export function entraConfig(env: Record<string, string | undefined> = process.env) {
  const { ENTRA_CLIENT_ID: clientId, ENTRA_CLIENT_SECRET: clientSecret, ENTRA_TENANT_ID: rawTenant } = env;
  if (!clientId || !clientSecret || !rawTenant) return null;
  const problem = findEntraTenantProblem(rawTenant);
  if (problem) throw new Error(problem);
  return { clientId, clientSecret, tenantId: rawTenant.trim().toLowerCase() };
}

const APP_ROLE_MAP: Record<string, Role> = {
  "Scrutiny.Admin": "ADMIN",
  "Scrutiny.ServiceLead": "SERVICE_LEAD",
  "Scrutiny.Director": "DIRECTOR",
  "Scrutiny.PanelMember": "PANEL_MEMBER",
};
const PRECEDENCE: Role[] = ["ADMIN", "DIRECTOR", "SERVICE_LEAD", "PANEL_MEMBER"];
/** Changes made from the token are recorded as made by Entra ID, not by a person. */
const ENTRA_ACTOR = { id: null, name: "Microsoft Entra ID", role: null } as const;

/** The strongest app role in the token's `roles` claim, or null when none is ours. */
export function roleFromEntraRoles(roles: unknown): Role | null {
  if (!Array.isArray(roles)) return null;
  const mapped = roles.map((r) => APP_ROLE_MAP[String(r)]).filter(Boolean);
  return PRECEDENCE.find((r) => mapped.includes(r)) ?? null;
}

export type EntraRefusal = "NOT_PROVISIONED" | "ENTRA_CONFLICT" | "LAST_ADMIN" | "INACTIVE" | "WRONG_TENANT";
export type EntraSignIn = { ok: true; user: SessionUser } | { ok: false; reason: EntraRefusal };

class Refused extends Error {
  constructor(public readonly reason: EntraRefusal) {
    super(reason);
  }
}

type Claims = { oid: string; email: string; name: string; role: Role };

/** The account for these claims: by object id, else linked (or created) by email, in tx. */
async function linkedAccount(tx: Tx, c: Claims) {
  const byOid = await tx.user.findUnique({ where: { externalId: c.oid } });
  if (byOid) return byOid;
  const byEmail = c.email ? await tx.user.findUnique({ where: { email: c.email } }) : null;
  if (byEmail) {
    if (byEmail.externalId) throw new Refused("ENTRA_CONFLICT");
    // Compare-and-set, so two first sign-ins at once cannot both link.
    // From now on Microsoft decides who signs in: the local password is refused (lib/auth/sign-in.ts)
    // unless an administrator allows it again.
    const { count } = await tx.user.updateMany({
      where: { id: byEmail.id, externalId: null },
      data: { externalId: c.oid, localSignInAllowed: false },
    });
    if (count !== 1) throw new Refused("ENTRA_CONFLICT");
    await recordAudit(tx, ENTRA_ACTOR, {
      action: "user.entraLinked",
      entityType: "User",
      entityId: byEmail.id,
      before: { externalId: null },
      after: { externalId: c.oid, email: c.email },
    });
    return { ...byEmail, externalId: c.oid };
  }
  const created = await tx.user.create({
    data: { externalId: c.oid, email: c.email || `${c.oid}@entra.invalid`, name: c.name, role: c.role },
  });
  await recordAudit(tx, ENTRA_ACTOR, {
    action: "user.entraLinked",
    entityType: "User",
    entityId: created.id,
    before: null,
    after: { ...userSnapshot(created), externalId: c.oid, created: true },
  });
  return created;
}

async function signInInTransaction(tx: Tx, c: Claims): Promise<SessionUser> {
  const user = await linkedAccount(tx, c);
  if (!user.active) throw new Refused("INACTIVE");
  let current = user;
  if (user.role !== c.role || user.name !== c.name) {
    if (user.role === "ADMIN" && c.role !== "ADMIN") {
      try {
        await assertAnotherActiveAdministrator(tx, user.id);
      } catch (e) {
        if (isAppError(e)) throw new Refused("LAST_ADMIN");
        throw e;
      }
    }
    current = await tx.user.update({ where: { id: user.id }, data: { role: c.role, name: c.name, adminVersion: { increment: 1 } } });
    // The same rule as an administrator's role change: only service leads own sections.
    if (user.role !== c.role && c.role !== "SERVICE_LEAD") await tx.sectionOwner.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, ENTRA_ACTOR, {
      action: user.role !== c.role ? "user.roleChanged" : "user.renamed",
      entityType: "User",
      entityId: user.id,
      before: userSnapshot(user),
      after: userSnapshot(current),
    });
  }
  await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const sessionUser = { id: current.id, name: current.name, email: current.email, role: current.role };
  await recordAudit(tx, sessionUser, { action: "signIn.succeeded", entityType: "User", entityId: user.id, after: { method: "entra" } });
  return sessionUser;
}

/**
 * Signs in with the claims of an Entra ID token; every link and role change is an audit event. The
 * token must come from the configured tenant (`tid`): an object id is unique only within one.
 */
export async function findOrLinkEntraUser(
  profile: Record<string, unknown> | undefined,
  tenantId: string | undefined = entraConfig()?.tenantId,
): Promise<EntraSignIn> {
  const oid = typeof profile?.oid === "string" ? profile.oid : null;
  const text = (claim: unknown) => (typeof claim === "string" ? claim : undefined);
  const email = (text(profile?.email) ?? text(profile?.preferred_username) ?? "").trim().toLowerCase();
  const role = roleFromEntraRoles(profile?.roles);
  const tid = text(profile?.tid)?.toLowerCase();
  try {
    if (!tenantId || tid !== tenantId.toLowerCase()) throw new Refused("WRONG_TENANT");
    if (!oid || !role) return { ok: false, reason: "NOT_PROVISIONED" };
    const claims = { oid, email, role, name: text(profile?.name) ?? email };
    return { ok: true, user: await db.$transaction((tx) => signInInTransaction(tx, claims)) };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    await db.$transaction((tx) =>
      recordAudit(tx, ENTRA_ACTOR, {
        action: "signIn.failed",
        entityType: "User",
        entityId: email || oid || "unknown",
        after: { email, externalId: oid, tenant: tid ?? null, reason: e.reason, method: "entra" },
      }),
    );
    return { ok: false, reason: e.reason };
  }
}

/** The active account already linked to this token's object id (after findOrLinkEntraUser ran). */
export async function findLinkedEntraUser(profile: Record<string, unknown> | undefined): Promise<SessionUser | null> {
  const oid = typeof profile?.oid === "string" ? profile.oid : null;
  if (!oid) return null;
  const user = await db.user.findUnique({ where: { externalId: oid } });
  return user?.active ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
}
