// Turns the audit log's filters into one Prisma `where`, shared by the page and the CSV export so
// both always show the same events.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextDay, startOfUkDay, type AuditFilters } from "@/lib/audit/audit-filters";

export const AUDIT_ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

export async function auditWhere(filters: Omit<AuditFilters, "page">): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.who) {
    // The event keeps the actor's name as it was; the email is looked up on their account.
    const byEmail = await db.user.findMany({ where: { email: { contains: filters.who, mode: "insensitive" } }, select: { id: true } });
    and.push({
      OR: [
        { actorName: { contains: filters.who, mode: "insensitive" } },
        ...(byEmail.length ? [{ actorId: { in: byEmail.map((u) => u.id) } }] : []),
      ],
    });
  }
  if (filters.action) and.push({ action: filters.action });
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.entityId) and.push({ entityId: filters.entityId });
  if (filters.from) and.push({ at: { gte: startOfUkDay(filters.from) } });
  if (filters.to) and.push({ at: { lt: startOfUkDay(nextDay(filters.to)) } });
  return and.length ? { AND: and } : {};
}
