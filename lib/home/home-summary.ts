// What each role's home page shows: the work waiting for them.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

export async function findOwnedSections(user: SessionUser) {
  return db.section.findMany({
    where: { owners: { some: { userId: user.id } } },
    orderBy: { order: "asc" },
    select: { id: true, name: true, slug: true, _count: { select: { indicators: { where: { active: true } } } } },
  });
}

export async function countCatalogue() {
  const [indicators, sections, users, periods] = await Promise.all([
    db.indicator.count({ where: { active: true } }),
    db.section.count(),
    db.user.count({ where: { active: true } }),
    db.period.count(),
  ]);
  return { indicators, sections, users, periods };
}

export async function findPublishedPeriods() {
  return db.period.findMany({
    where: { packVersions: { some: { publishedAt: { not: null } } } },
    orderBy: { month: "desc" },
    select: { month: true, panelMeetingDate: true },
  });
}
