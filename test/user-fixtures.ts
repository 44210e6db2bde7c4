// Shared by the tests of lib/users: accounts to act on, their version tokens, and their audit rows.
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/test/factories";

export async function versionOf(userId: string) {
  return { userId, expectedVersion: (await db.user.findUniqueOrThrow({ where: { id: userId } })).adminVersion };
}

export async function adminActor() {
  return (await createTestUser("ADMIN")).sessionUser;
}

export async function targetUser(role: Role, opts: { password?: string } = {}) {
  return createTestUser(role, opts);
}

/**
 * Every administrative audit row about this account, oldest first, as JSON text too so a test can
 * search all of it. Sign-in events (signIn.*) are left out: the tests sign in to prove a change.
 */
export async function auditOf(userId: string) {
  const rows = await db.auditEvent.findMany({
    where: { entityType: "User", entityId: userId, NOT: { action: { startsWith: "signIn." } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ ...r, text: JSON.stringify({ before: r.before, after: r.after }) }));
}

export const NON_ADMIN_ROLES = ["SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const satisfies readonly Role[];
