// Reads what every commentary operation needs: the period, the section with its owners, and the
// section's commentary for that month (if any).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPeriodByMonth } from "@/lib/periods/find-period";

export async function loadCommentaryContext(month: string, slug: string) {
  const period = await getPeriodByMonth(month);
  const section = await db.section.findUnique({
    where: { slug },
    include: { owners: { include: { user: { select: { id: true, name: true, email: true, active: true } } } } },
  });
  if (!section) throw new AppError("NOT_FOUND", "There is no such section");
  const commentary = await db.commentary.findUnique({ where: { sectionId_periodId: { sectionId: section.id, periodId: period.id } } });
  return { period, section, ownerIds: section.owners.map((o) => o.userId), commentary };
}
