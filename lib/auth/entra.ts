// Optional Microsoft Entra ID sign-in. Enabled only when all three ENTRA_* variables are set.
// Roles come from the app roles assigned in Entra (Scrutiny.Admin, Scrutiny.ServiceLead,
// Scrutiny.Director, Scrutiny.PanelMember); an account is linked by its object id, or by email once.
import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";

export function entraConfig(env = process.env) {
  const { ENTRA_CLIENT_ID: clientId, ENTRA_CLIENT_SECRET: clientSecret, ENTRA_TENANT_ID: tenantId } = env;
  return clientId && clientSecret && tenantId ? { clientId, clientSecret, tenantId } : null;
}

const APP_ROLE_MAP: Record<string, Role> = {
  "Scrutiny.Admin": "ADMIN",
  "Scrutiny.ServiceLead": "SERVICE_LEAD",
  "Scrutiny.Director": "DIRECTOR",
  "Scrutiny.PanelMember": "PANEL_MEMBER",
};
const PRECEDENCE: Role[] = ["ADMIN", "DIRECTOR", "SERVICE_LEAD", "PANEL_MEMBER"];

/** The strongest app role in the token's `roles` claim, or null when none is ours. */
export function roleFromEntraRoles(roles: unknown): Role | null {
  if (!Array.isArray(roles)) return null;
  const mapped = roles.map((r) => APP_ROLE_MAP[String(r)]).filter(Boolean);
  return PRECEDENCE.find((r) => mapped.includes(r)) ?? null;
}

export async function findOrLinkEntraUser(profile: Record<string, unknown> | undefined): Promise<SessionUser | null> {
  const oid = typeof profile?.oid === "string" ? profile.oid : null;
  const email = String(profile?.email ?? profile?.preferred_username ?? "").trim().toLowerCase();
  const role = roleFromEntraRoles(profile?.roles);
  if (!oid || !role) return null;
  const name = String(profile?.name ?? email);
  const existing = (await db.user.findUnique({ where: { externalId: oid } })) ?? (email ? await db.user.findUnique({ where: { email } }) : null);
  if (existing && !existing.active) return null;
  const user = existing
    ? await db.user.update({ where: { id: existing.id }, data: { externalId: oid, role, name, lastSignInAt: new Date() } })
    : await db.user.create({ data: { externalId: oid, email: email || `${oid}@entra.invalid`, name, role, lastSignInAt: new Date() } });
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
