// Makes the rows a test needs, with unique names so tests never collide.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function createTestUser(role: Role, opts: { password?: string; active?: boolean } = {}) {
  const email = `${unique(role.toLowerCase())}@test.example`;
  const user = await db.user.create({
    data: { email, name: `Test ${role}`, role, active: opts.active ?? true, passwordHash: opts.password ? await hashPassword(opts.password) : null },
  });
  return { ...user, sessionUser: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
