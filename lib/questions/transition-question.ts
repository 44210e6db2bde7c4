// The one function that moves a question's answer through its workflow (question-workflow.ts):
// authorise (who the user is to this question), check the state, then in one transaction
// compare-and-set on the version, write the review step and the audit event. After the commit: an
// approved answer re-renders the month's stored pages (the addendum) and the emails go out.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import {
  MAX_ANSWER_LENGTH,
  MAX_RETURN_COMMENT_LENGTH,
  planQuestionStep,
  questionActors,
  type QuestionAction,
} from "@/lib/questions/question-workflow";
import { notifyQuestionStep } from "@/lib/questions/notify-question";
import { normaliseText, tooLong } from "@/lib/questions/question-text";
import { storePackPagesAfterCommit } from "@/lib/pack/delivery/stored-pack-pages";

export type QuestionStepInput = {
  id: string;
  action: QuestionAction;
  /** The version the user's page was built from. */
  expectedVersion: number;
  answer?: string;
  comment?: string;
};

export const QUESTION_CONFLICT =
  "Someone else changed this question's answer while you were working on it. Your text has not been saved: it is still in the box below. Copy it, reload the page to see theirs, and combine the two.";

const REVIEW_ACTION: Partial<Record<QuestionAction, string>> = {
  submit: "SUBMIT",
  return: "RETURN",
  approve: "APPROVE",
  answer: "APPROVE",
};

export async function loadQuestionForStep(id: string) {
  const q = await db.panelQuestion.findUnique({
    where: { id },
    include: {
      period: { select: { id: true, month: true } },
      section: { select: { id: true, name: true, slug: true, owners: { select: { userId: true } } } },
    },
  });
  if (!q) throw new AppError("NOT_FOUND", "There is no such question");
  return q;
}

/**
 * `now` is when the step is taken (the demo seed gives its history's dates); `storePages: false`
 * leaves rendering the month's pages to the caller, as publishPack's does.
 */
export async function transitionQuestion(
  user: SessionUser | null,
  input: QuestionStepInput,
  now = new Date(),
  opts: { storePages?: boolean } = {},
) {
  assertCan(user, input.action === "approve" || input.action === "return" ? "question.review" : "question.answer");
  const q = await loadQuestionForStep(input.id);
  const actors = questionActors({
    packWide: q.sectionId === null,
    ownsSection: Boolean(q.section?.owners.some((o) => o.userId === user.id)),
    role: user.role,
  });
  const plan = planQuestionStep(q.status, input.action, actors);
  if (!plan.ok) {
    if (plan.reason === "NOT_ALLOWED") {
      throw new AppError(
        "FORBIDDEN",
        q.section
          ? `Only the leads of ${q.section.name} can answer this question`
          : "Only the director answers questions about the whole pack",
      );
    }
    throw new AppError("INVALID_TRANSITION", plan.message);
  }
  if (q.version !== input.expectedVersion) throw new AppError("CONFLICT", QUESTION_CONFLICT);

  const writesAnswer = input.action === "save" || input.action === "submit" || input.action === "answer";
  const answer = writesAnswer ? normaliseText(input.answer ?? "") : q.answer;
  const comment = normaliseText(input.comment ?? "");
  const errors: Record<string, string> = {};
  if (writesAnswer && answer.length > MAX_ANSWER_LENGTH) errors.answer = tooLong("The answer", MAX_ANSWER_LENGTH, answer.length);
  else if ((input.action === "submit" || input.action === "answer") && !answer) errors.answer = "Enter the answer";
  if (input.action === "return" && !comment) errors.comment = "Say what needs to change before you return the answer";
  if (comment.length > MAX_RETURN_COMMENT_LENGTH) errors.comment = tooLong("The comment", MAX_RETURN_COMMENT_LENGTH, comment.length);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "There is a problem", errors);

  const approves = plan.to === "APPROVED";
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.panelQuestion.updateMany({
      where: { id: q.id, version: q.version, status: q.status },
      data: {
        status: plan.to,
        version: { increment: 1 },
        ...(writesAnswer ? { answer, answeredById: user.id, answeredByName: user.name } : {}),
        ...(input.action === "submit" ? { submittedAt: now } : {}),
        ...(approves ? { approvedAt: now, approvedByName: user.name } : {}),
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", QUESTION_CONFLICT);
    const review = REVIEW_ACTION[input.action];
    if (review) {
      await tx.questionReview.create({
        data: {
          questionId: q.id,
          action: review,
          body: comment,
          authorId: user.id,
          authorName: user.name,
          authorRole: user.role,
          createdAt: now,
        },
      });
    }
    await recordAudit(tx, user, {
      action: `question.${input.action}`,
      entityType: "PanelQuestion",
      entityId: q.id,
      periodMonth: q.period.month,
      before: { status: q.status, version: q.version },
      after: { status: plan.to, version: q.version + 1, ...(comment ? { comment } : {}) },
    });
    return { id: q.id, status: plan.to, version: q.version + 1 };
  });

  // The approved answer joins the pack's addendum: the month's stored pages are rendered again now,
  // not on the next reader's request (a failure is logged, and the request renders them instead).
  if (approves && opts.storePages !== false) await storePackPagesAfterCommit(q.period.month);
  const step = input.action === "save" ? null : approves ? "approved" : input.action === "submit" ? "submitted" : "returned";
  if (step)
    await notifyQuestionStep({ step, questionId: q.id, actor: user, comment }).catch((e) =>
      console.error("Question notification failed", e),
    );
  return { ...result, month: q.period.month };
}
