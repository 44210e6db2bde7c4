// The one function that moves a recommendation through its course (recommendation-workflow.ts): the
// director records the executive's response (accepted with its actions, partly accepted, or not
// accepted, with the reasons), adds progress updates, and marks it implemented or closes it with a
// reason. Compare-and-set on its version, one transaction, an audit event for each step.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { MAX_RESPONSE_LENGTH, planRecommendationStep, type RecommendationAction } from "@/lib/recommendations/recommendation-workflow";
import { normaliseText, tooLong } from "@/lib/questions/question-text";
import { notifyRecommendation } from "@/lib/recommendations/notify-recommendation";

export type AgreedAction = { description: string; ownerName: string; dueDate: string };

export type RecommendationStepInput = {
  id: string;
  action: RecommendationAction;
  expectedVersion: number;
  /** respond: ACCEPTED, PARTLY_ACCEPTED or NOT_ACCEPTED. */
  decision?: RecommendationStatus;
  /** respond: the reasons; update: the progress; implement and close: the note or reason. */
  text?: string;
  /** respond (accepted or partly accepted): the actions agreed, each with its owner and date. */
  actions?: AgreedAction[];
};

export const RECOMMENDATION_CONFLICT =
  "Someone else changed this recommendation while you were working on it. Nothing has been saved: your text is still below. Reload the page to see what changed, then try again.";

export const MAX_ACTIONS = 10;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => ISO_DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Field errors for the agreed actions, named action-1-description, action-1-owner, action-1-due... */
export function actionErrors(actions: AgreedAction[]): Record<string, string> {
  const errors: Record<string, string> = {};
  actions.forEach((a, i) => {
    const n = i + 1;
    if (!a.description.trim()) errors[`action-${n}-description`] = `Enter what action ${n} is`;
    else if (a.description.length > 500) errors[`action-${n}-description`] = tooLong(`Action ${n}`, 500, a.description.length);
    if (!a.ownerName.trim()) errors[`action-${n}-owner`] = `Enter who owns action ${n}`;
    else if (a.ownerName.length > 200) errors[`action-${n}-owner`] = tooLong(`Action ${n}'s owner`, 200, a.ownerName.length);
    if (!realDate(a.dueDate)) errors[`action-${n}-due`] = `Action ${n}'s date must be a real date, such as 31 10 2019`;
  });
  return errors;
}

export async function transitionRecommendation(user: SessionUser | null, input: RecommendationStepInput, now = new Date()) {
  assertCan(user, "recommendation.respond");
  const r = await db.recommendation.findUnique({ where: { id: input.id }, include: { period: { select: { month: true } } } });
  if (!r) throw new AppError("NOT_FOUND", "There is no such recommendation: it may not have been recorded yet");
  const plan = planRecommendationStep(r.status, input.action, input.decision);
  if (!plan.ok && plan.reason === "WRONG_STATE") throw new AppError("INVALID_TRANSITION", plan.message);
  if (r.version !== input.expectedVersion) throw new AppError("CONFLICT", RECOMMENDATION_CONFLICT);

  const text = normaliseText(input.text ?? "");
  const actions = (input.action === "respond" ? (input.actions ?? []) : []).map((a) => ({
    description: normaliseText(a.description),
    ownerName: normaliseText(a.ownerName).replace(/\s+/g, " "),
    dueDate: a.dueDate.trim(),
  }));
  const errors: Record<string, string> = {};
  if (!plan.ok) errors.decision = plan.message;
  const missing: Record<RecommendationAction, string> = {
    respond: "Enter the executive's reasons",
    update: "Enter the progress made",
    implement: "Say what was done",
    close: "Give the reason for closing the recommendation",
  };
  if (!text) errors.text = missing[input.action];
  else if (text.length > MAX_RESPONSE_LENGTH) errors.text = tooLong("The text", MAX_RESPONSE_LENGTH, text.length);
  const accepted = plan.ok && (plan.to === "ACCEPTED" || plan.to === "PARTLY_ACCEPTED");
  if (input.action === "respond" && accepted && actions.length === 0)
    errors.actions = "Add at least one action the executive agreed, with its owner and date";
  if (actions.length > MAX_ACTIONS) errors.actions = `Add ${MAX_ACTIONS} actions or fewer`;
  Object.assign(errors, actionErrors(actions));
  if (Object.keys(errors).length || !plan.ok) throw new AppError("VALIDATION", "There is a problem", errors);

  const closes = plan.to === "IMPLEMENTED" || plan.to === "CLOSED";
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.recommendation.updateMany({
      where: { id: r.id, version: r.version, status: r.status },
      data: {
        status: plan.to,
        version: { increment: 1 },
        ...(input.action === "respond" ? { responseReasons: text, respondedAt: now, respondedByName: user.name } : {}),
        ...(closes ? { closedAt: now, closedReason: text } : {}),
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", RECOMMENDATION_CONFLICT);
    if (actions.length) {
      await tx.recommendationAction.createMany({
        data: actions.map((a) => ({
          recommendationId: r.id,
          description: a.description,
          ownerName: a.ownerName,
          dueDate: new Date(`${a.dueDate}T00:00:00Z`),
          createdAt: now,
        })),
      });
    }
    if (input.action === "update") {
      await tx.recommendationUpdate.create({
        data: { recommendationId: r.id, body: text, authorId: user.id, authorName: user.name, createdAt: now },
      });
    }
    await recordAudit(tx, user, {
      action: `recommendation.${input.action}`,
      entityType: "Recommendation",
      entityId: r.id,
      periodMonth: r.period.month,
      before: { status: r.status, version: r.version },
      after: { status: plan.to, version: r.version + 1, text, ...(actions.length ? { actions } : {}) },
    });
    return { id: r.id, status: plan.to, version: r.version + 1 };
  });
  if (input.action === "respond")
    await notifyRecommendation({ step: "responded", id: r.id, actor: user }).catch((e) =>
      console.error("Recommendation notification failed", e),
    );
  return result;
}
