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

/** A month no other test uses: far-future years keep tests apart from the demo data. */
export function uniqueMonth(): string {
  const year = 2100 + Math.floor(Math.random() * 7000);
  return `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
}

export async function createPeriod(opts: { month?: string; status?: "OPEN" | "SIGNED_OFF" | "PUBLISHED" | "AMENDING" | "HISTORY" } = {}) {
  const month = opts.month ?? uniqueMonth();
  return db.period.create({ data: { month, panelMeetingDate: new Date("2100-01-01"), status: opts.status ?? "OPEN" } });
}

export async function createSection(ownerIds: string[] = []) {
  const slug = unique("section");
  return db.section.create({ data: { name: slug, slug, order: 100, owners: { create: ownerIds.map((userId) => ({ userId })) } } });
}
