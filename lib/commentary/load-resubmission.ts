// What the director needs to review a resubmission: the comment it was last returned (or reopened)
// with, and the text as it stood then, so the page can show what changed since.
import "server-only";
import { db } from "@/lib/db";

export type SinceReturn = {
  comment: { action: "RETURN" | "REOPEN"; body: string; authorName: string; createdAt: Date };
  /** The text when it went back to the lead: the latest revision written at or before the return. */
  returnedBody: string;
};

/** The latest return or reopening of this commentary, with the text it was returned with; null if never returned. */
export async function findLastReturn(commentaryId: string): Promise<SinceReturn | null> {
  const comment = await db.reviewComment.findFirst({
    where: { commentaryId, action: { in: ["RETURN", "REOPEN"] } },
    orderBy: { createdAt: "desc" },
    select: { action: true, body: true, authorName: true, createdAt: true },
  });
  if (!comment) return null;
  // A return never changes the text, so the revision current at that moment is what was returned.
  const revision = await db.commentaryRevision.findFirst({
    where: { commentaryId, createdAt: { lte: comment.createdAt } },
    orderBy: { number: "desc" },
    select: { body: true },
  });
  return { comment: comment as SinceReturn["comment"], returnedBody: revision?.body ?? "" };
}
