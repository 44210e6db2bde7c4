// The pack's "Recommendations" part, frozen at sign-off: every recommendation still open when the
// pack is signed off, and each one closed (implemented or closed) since the last pack before it was
// signed off, shown that once more as closed. Read in the sign-off transaction (or, for the live
// preview, from the client).
import "server-only";
import type { db, Tx } from "@/lib/db";
import { OPEN_RECOMMENDATION } from "@/lib/recommendations/recommendation-workflow";
import { RECOMMENDATION_LINKS, recommendationLinks } from "@/lib/recommendations/recommendation-links";
import type { SnapshotRecommendation } from "@/lib/pack/snapshot/snapshot-types";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function snapshotRecommendations(tx: Tx | typeof db, month: string, signedAt: Date): Promise<SnapshotRecommendation[]> {
  // The last pack before this one: the latest sign-off of an earlier month.
  const previous = await tx.packVersion.findFirst({
    where: { period: { month: { lt: month } } },
    orderBy: { signedOffAt: "desc" },
    select: { signedOffAt: true },
  });
  const rows = await tx.recommendation.findMany({
    where: {
      createdAt: { lte: signedAt },
      OR: [
        { status: { in: [...OPEN_RECOMMENDATION] } },
        { closedAt: previous ? { gt: previous.signedOffAt, lte: signedAt } : { lte: signedAt } },
      ],
    },
    orderBy: [{ meetingDate: "asc" }, { number: "asc" }],
    include: {
      ...RECOMMENDATION_LINKS,
      actions: { orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] },
      updates: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  return rows.map((r) => ({
    number: r.number,
    meetingDate: isoDay(r.meetingDate),
    text: r.text,
    addressedTo: r.addressedTo,
    responseDue: isoDay(r.responseDue),
    status: r.status,
    response: r.respondedAt ? { reasons: r.responseReasons ?? "", at: r.respondedAt.toISOString(), byName: r.respondedByName ?? "" } : null,
    actions: r.actions.map((a) => ({ description: a.description, ownerName: a.ownerName, dueDate: isoDay(a.dueDate) })),
    latestUpdate: r.updates[0]
      ? { body: r.updates[0].body, at: r.updates[0].createdAt.toISOString(), byName: r.updates[0].authorName }
      : null,
    closed: r.closedAt ? { at: r.closedAt.toISOString(), reason: r.closedReason } : null,
    ...recommendationLinks(r),
  }));
}
