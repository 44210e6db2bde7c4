// Makes the rows a test needs, with unique names so tests never collide.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function createTestUser(role: Role, opts: { password?: string; active?: boolean } = {}) {
  const email = `${unique(role.toLowerCase())}@test.example`;
  const user = await db.user.create({
    data: {
      email,
      name: `Test ${role}`,
      role,
      active: opts.active ?? true,
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    },
  });
  return { ...user, sessionUser: { id: user.id, name: user.name, email: user.email, role: user.role } };
}

/**
 * The far-future years this Vitest worker's test months come from (2100 to 9099, split among up to
 * seven workers). Each database test file now has a database of its own (test/setup-db.ts), so the
 * split no longer keeps files apart; it keeps test months far from the demo's and from each other.
 */
export function workerYears(): { from: number; to: number } {
  const workers = 7;
  const span = Math.floor(7000 / workers);
  const pool = (Number(process.env.VITEST_POOL_ID ?? 1) - 1) % workers;
  return { from: 2100 + pool * span, to: 2100 + (pool + 1) * span - 1 };
}

const usedYears = new Set<number>();

/**
 * A month no other test uses: far-future years keep tests apart from the demo data. Each call in a
 * file takes a year no earlier call took, nor one within two years of it, so months a test works
 * out around its own (last month, two years of trend) never meet another test's. Five years from
 * either end of the worker's span, so those months stay in the span too.
 */
export function uniqueMonth(): string {
  const { from, to } = workerYears();
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const year = from + 5 + Math.floor(Math.random() * (to - from - 9));
    if ([-2, -1, 0, 1, 2].some((d) => usedYears.has(year + d))) continue;
    usedYears.add(year);
    return `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
  }
  throw new Error("uniqueMonth: this file has used up its worker's years");
}

export async function createPeriod(opts: { month?: string; status?: "OPEN" | "SIGNED_OFF" | "PUBLISHED" | "AMENDING" | "HISTORY" } = {}) {
  const month = opts.month ?? uniqueMonth();
  return db.period.create({ data: { month, panelMeetingDate: new Date("2100-01-01"), status: opts.status ?? "OPEN" } });
}

export async function createSection(ownerIds: string[] = []) {
  const slug = unique("section");
  return db.section.create({ data: { name: slug, slug, order: 100, owners: { create: ownerIds.map((userId) => ({ userId })) } } });
}
