// The one function that saves and moves a section's commentary through the workflow: authorise,
// check the state, then in one transaction compare-and-set on the version, write the revision,
// review comment and audit event. Notifications go out after the commit.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { can, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { assertPeriodEditable } from "@/lib/periods/period-lifecycle";
import { lockPeriod } from "@/lib/periods/lock-period";
import type { ReviewAction } from "@/lib/generated/prisma/enums";
import { loadCommentaryContext } from "@/lib/commentary/load-commentary-context";
import {
  MAX_COMMENTARY_LENGTH,
  MAX_REVIEW_COMMENT_LENGTH,
  REVIEW_COMMENT_TOO_LONG,
  TRANSITIONS,
  commentaryTooLong,
  planTransition,
  type Actor,
  type CommentaryAction,
} from "@/lib/commentary/workflow";
import { notifyCommentaryChange } from "@/lib/commentary/notify";

export type TransitionInput = {
  month: string;
  slug: string;
  action: CommentaryAction;
  /** The version the user's form was built from; 0 when the section had no commentary. */
  expectedVersion: number;
  body?: string;
  comment?: string;
};

export const CONFLICT_MESSAGE =
  "Someone else changed this commentary while you were working on it. Your text has not been saved: it is still in the box below. Copy it, reload the page to see their version, and combine the two.";

export const normaliseBody = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();

function actorKind(user: SessionUser, ownerIds: string[], action: CommentaryAction): Actor | null {
  if (TRANSITIONS[action].by === "owner") {
    // Whoever may submit may take the submission back; saving needs only drafting.
    const permission = action === "submit" || action === "withdraw" ? "commentary.submit" : "commentary.draft";
    return can(user.role, permission) && canEditSection(user, ownerIds) ? "owner" : null;
  }
  return can(user.role, "commentary.review") ? "reviewer" : null;
}

function validate(input: TransitionInput, currentBody: string) {
  const body = input.body === undefined ? undefined : normaliseBody(input.body);
  const comment = (input.comment ?? "").trim();
  const errors: Record<string, string> = {};
  if (body !== undefined && body.length > MAX_COMMENTARY_LENGTH) {
    errors.body = commentaryTooLong(body.length);
  }
  const finalBody = body ?? currentBody;
  if ((input.action === "submit" || input.action === "approve") && !finalBody)
    errors.body = "Enter the commentary before you submit it for review";
  if (input.action === "return" && !comment) errors.comment = "Say what needs to change before you return the commentary";
  if (input.action === "reopen" && !comment) errors.comment = "Give the reason for reopening the commentary";
  if (comment.length > MAX_REVIEW_COMMENT_LENGTH) errors.comment = REVIEW_COMMENT_TOO_LONG;
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "There is a problem", errors);
  return { body: finalBody, comment };
}

async function savesNothing(commentary: { id: string; body: string } | null, body: string): Promise<boolean> {
  if (!commentary) return body === "";
  if (commentary.body !== body) return false;
  const last = await db.commentaryRevision.findFirst({
    where: { commentaryId: commentary.id },
    orderBy: { number: "desc" },
    select: { body: true },
  });
  return (last?.body ?? "") === body;
}

const REVIEW_ACTION: Partial<Record<CommentaryAction, ReviewAction>> = {
  submit: "SUBMIT",
  withdraw: "WITHDRAW",
  return: "RETURN",
  approve: "APPROVE",
  reopen: "REOPEN",
};

export async function transitionCommentary(user: SessionUser, input: TransitionInput) {
  if (!can(user.role, "commentary.view")) throw new AppError("FORBIDDEN", "You do not have access to commentary");
  const { period, section, ownerIds, commentary } = await loadCommentaryContext(input.month, input.slug);
  const actor = actorKind(user, ownerIds, input.action);
  const state = commentary?.status ?? "NOT_STARTED";
  const plan = planTransition(state, input.action, actor);
  if (!plan.ok) throw new AppError(plan.reason === "NOT_ALLOWED" ? "FORBIDDEN" : "INVALID_TRANSITION", plan.message);
  assertPeriodEditable(period);
  if ((commentary?.version ?? 0) !== input.expectedVersion) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  const { body, comment } = validate(input, commentary?.body ?? "");
  // A save that changes nothing (no text sent, or the text already stored and in the history) records
  // nothing: no new version, revision or audit event.
  if (input.action === "save" && (await savesNothing(commentary, body))) {
    return { id: commentary?.id ?? null, version: commentary?.version ?? 0, status: state, unchanged: true as const };
  }
  const now = new Date();
  const conflict = () => new AppError("CONFLICT", CONFLICT_MESSAGE);
  const timestamps = {
    ...(input.action === "submit" ? { submittedAt: now, firstSubmittedAt: commentary?.firstSubmittedAt ?? now } : {}),
    ...(input.action === "approve" ? { approvedAt: now, approvedById: user.id } : {}),
    ...(input.action === "reopen" ? { approvedAt: null, approvedById: null } : {}),
  };

  const result = await db.$transaction(async (tx) => {
    // A submit may stamp the period's first submission, so it takes the write lock from the start.
    await lockPeriod(tx, period.id, input.action === "submit" ? "stamp" : "edit");
    let id: string;
    let version: number;
    if (!commentary) {
      try {
        const created = await tx.commentary.create({
          data: {
            sectionId: section.id,
            periodId: period.id,
            body,
            status: plan.to,
            version: 1,
            updatedById: user.id,
            updatedByName: user.name,
            ...timestamps,
          },
        });
        ({ id, version } = created);
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict();
        throw e;
      }
    } else {
      const updated = await tx.commentary.updateMany({
        where: { id: commentary.id, version: commentary.version, status: commentary.status },
        data: { body, status: plan.to, version: { increment: 1 }, updatedById: user.id, updatedByName: user.name, ...timestamps },
      });
      if (updated.count !== 1) throw conflict();
      id = commentary.id;
      version = commentary.version + 1;
    }
    // Compared with the latest revision, not the stored body: autosaved text becomes a revision
    // when it is saved or submitted, so the history always holds the text that was sent on.
    const last = await tx.commentaryRevision.findFirst({
      where: { commentaryId: id },
      orderBy: { number: "desc" },
      select: { number: true, body: true },
    });
    if (body !== (last?.body ?? null)) {
      await tx.commentaryRevision.create({
        data: { commentaryId: id, number: (last?.number ?? 0) + 1, body, authorId: user.id, authorName: user.name, authorRole: user.role },
      });
    }
    const reviewAction = REVIEW_ACTION[input.action];
    if (reviewAction) {
      await tx.reviewComment.create({
        data: { commentaryId: id, action: reviewAction, body: comment, authorId: user.id, authorName: user.name, authorRole: user.role },
      });
    }
    if (input.action === "submit") {
      await tx.period.updateMany({ where: { id: period.id, commentaryFirstSubmittedAt: null }, data: { commentaryFirstSubmittedAt: now } });
    }
    await recordAudit(tx, user, {
      action: `commentary.${input.action}`,
      entityType: "Commentary",
      entityId: id,
      periodMonth: period.month,
      before: commentary ? { status: commentary.status, version: commentary.version } : { status: "NOT_STARTED" },
      after: { status: plan.to, version, section: section.slug, ...(comment ? { comment } : {}) },
    });
    return { id, version, status: plan.to };
  });

  await notifyCommentaryChange({ action: input.action, month: period.month, section, actor: user, comment }).catch((e) => {
    console.error("Commentary notification failed", e);
  });
  return result;
}
