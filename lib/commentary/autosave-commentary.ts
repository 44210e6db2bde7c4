// Autosave keeps a draft safe while the owner types, without a revision per keystroke: it updates
// the body under the same compare-and-set rule; the next "Save draft" or "Submit" records a revision.
// Whoever autosaves is still on the record: each autosave is an audit event, and the first autosave
// by someone other than the latest revision's author writes a revision in their name, so the pack's
// "Commentary by" credits them even if the owner then submits their text unchanged.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { can, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { assertPeriodEditable } from "@/lib/periods/period-lifecycle";
import { lockPeriod } from "@/lib/periods/lock-period";
import { loadCommentaryContext } from "@/lib/commentary/load-commentary-context";
import { CONFLICT_MESSAGE, normaliseBody } from "@/lib/commentary/transition-commentary";
import { MAX_COMMENTARY_LENGTH, commentaryTooLong, planTransition } from "@/lib/commentary/workflow";

export async function autosaveCommentary(user: SessionUser, input: { month: string; slug: string; expectedVersion: number; body: string }) {
  const { period, section, ownerIds, commentary } = await loadCommentaryContext(input.month, input.slug);
  if (!can(user.role, "commentary.draft") || !canEditSection(user, ownerIds))
    throw new AppError("FORBIDDEN", "Only the section's owners can edit its commentary");
  const plan = planTransition(commentary?.status ?? "NOT_STARTED", "save", "owner");
  if (!plan.ok) throw new AppError("INVALID_TRANSITION", plan.message);
  assertPeriodEditable(period);
  const body = normaliseBody(input.body);
  if (body.length > MAX_COMMENTARY_LENGTH) throw new AppError("VALIDATION", "There is a problem", { body: commentaryTooLong() });
  if ((commentary?.version ?? 0) !== input.expectedVersion) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  if (commentary && commentary.body === body) return { version: commentary.version, savedAt: commentary.updatedAt };

  const saved = await db.$transaction(async (tx) => {
    await lockPeriod(tx, period.id, "edit");
    let id: string;
    let version: number;
    if (!commentary) {
      try {
        const created = await tx.commentary.create({
          data: { sectionId: section.id, periodId: period.id, body, status: "DRAFT", updatedById: user.id, updatedByName: user.name },
        });
        ({ id, version } = created);
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
        throw e;
      }
    } else {
      const updated = await tx.commentary.updateMany({
        where: { id: commentary.id, version: commentary.version, status: commentary.status },
        data: { body, version: { increment: 1 }, updatedById: user.id, updatedByName: user.name },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      id = commentary.id;
      version = commentary.version + 1;
    }
    const revision = await creditNewWriter(tx, id, user, body);
    await recordAudit(tx, user, {
      action: "commentary.autosaved",
      entityType: "Commentary",
      entityId: id,
      periodMonth: period.month,
      before: commentary ? { version: commentary.version, length: commentary.body.length } : { status: "NOT_STARTED" },
      after: { version, length: body.length, section: section.slug, ...(revision ? { revision } : {}) },
    });
    return { version };
  });
  return { version: saved.version, savedAt: new Date() };
}

/** A revision in the writer's name when the latest revision is someone else's (or there is none). */
async function creditNewWriter(tx: Tx, commentaryId: string, user: SessionUser, body: string): Promise<number | null> {
  const latest = await tx.commentaryRevision.findFirst({
    where: { commentaryId },
    orderBy: { number: "desc" },
    select: { number: true, authorId: true },
  });
  if (latest && latest.authorId === user.id) return null;
  const number = (latest?.number ?? 0) + 1;
  await tx.commentaryRevision.create({
    data: { commentaryId, number, body, authorId: user.id, authorName: user.name, authorRole: user.role },
  });
  return number;
}
