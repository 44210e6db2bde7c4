// The accounts as administrators see them: who, which role, whether they can sign in, and when
// they last did.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

const LIST_FIELDS = { id: true, name: true, email: true, role: true, active: true, lockedUntil: true, lastSignInAt: true } as const;

export async function listUsers(actor: SessionUser | null) {
  assertCan(actor, "user.manage");
  return db.user.findMany({ select: LIST_FIELDS, orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }] });
}
