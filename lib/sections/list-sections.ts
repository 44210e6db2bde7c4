// Sections as the administrator manages them: in pack order with their owners and indicator counts,
// and the service leads who could own them.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

export async function listSectionsForAdmin(actor: SessionUser | null | undefined) {
  assertCan(actor, "section.manage");
  return db.section.findMany({
    orderBy: [{ order: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      order: true,
      updatedAt: true,
      owners: { select: { user: { select: { id: true, name: true, active: true, role: true } } }, orderBy: { user: { name: "asc" } } },
      _count: { select: { indicators: { where: { active: true } } } },
    },
  });
}

export async function findSectionForAdmin(actor: SessionUser | null | undefined, slug: string) {
  assertCan(actor, "section.manage");
  const section = await db.section.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      order: true,
      updatedAt: true,
      owners: { select: { user: { select: { id: true, name: true, email: true, active: true, role: true } } } },
    },
  });
  if (!section) return null;
  const leads = await db.user.findMany({
    where: { role: "SERVICE_LEAD", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
  // Owners who are no longer active service leads stay listed, so removing them is a visible choice.
  const leadIds = new Set(leads.map((l) => l.id));
  const formerLeads = section.owners.map((o) => o.user).filter((u) => !leadIds.has(u.id));
  return { ...section, ownerIds: section.owners.map((o) => o.user.id), leads, formerLeads };
}

export type SectionForAdmin = NonNullable<Awaited<ReturnType<typeof findSectionForAdmin>>>;
