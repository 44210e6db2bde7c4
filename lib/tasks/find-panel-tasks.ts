// What the panel's questions and recommendations ask of each role, for the home page lists and the
// header's count (lib/tasks/find-tasks.ts): a lead's questions to answer, the director's answers to
// approve, pack-wide questions and responses owed, and a member's answered questions.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionStatus } from "@/lib/generated/prisma/enums";
import { answersDue } from "@/lib/deadlines/panel-deadlines";
import { deadlineToday } from "@/lib/deadlines/find-deadlines";

/** A question waits for its answerer until the answer is sent for approval. */
export const ANSWER_WAITING: readonly QuestionStatus[] = ["ASKED", "DRAFT", "RETURNED"];

const QUESTION_FIELDS = {
  id: true,
  status: true,
  body: true,
  askedAt: true,
  askedByName: true,
  submittedAt: true,
  answeredByName: true,
  approvedAt: true,
  approvedByName: true,
  period: { select: { month: true, panelMeetingDate: true } },
  section: { select: { name: true } },
  indicator: { select: { name: true } },
} satisfies Prisma.PanelQuestionSelect;

type QuestionRow = Prisma.PanelQuestionGetPayload<{ select: typeof QUESTION_FIELDS }>;

export type QuestionTask = {
  id: string;
  month: string;
  status: QuestionStatus;
  /** "Question about Children on a child protection plan" */
  about: string;
  body: string;
  askedAt: Date;
  askedByName: string;
  submittedAt: Date | null;
  answeredByName: string | null;
  approvedAt: Date | null;
  approvedByName: string | null;
  /** The working day before the meeting; null for a month without one. */
  answersDue: string | null;
  href: string;
};

const questionTask = (q: QuestionRow): QuestionTask => ({
  id: q.id,
  month: q.period.month,
  status: q.status,
  about: q.indicator?.name ?? q.section?.name ?? "The whole pack",
  body: q.body,
  askedAt: q.askedAt,
  askedByName: q.askedByName,
  submittedAt: q.submittedAt,
  answeredByName: q.answeredByName,
  approvedAt: q.approvedAt,
  approvedByName: q.approvedByName,
  answersDue: q.period.panelMeetingDate ? answersDue(q.period.panelMeetingDate.toISOString().slice(0, 10)) : null,
  href: `/periods/${q.period.month}/questions/${q.id}`,
});

const ORDER = [{ askedAt: "asc" }, { id: "asc" }] satisfies Prisma.PanelQuestionOrderByWithRelationInput[];

/** Where clauses, shared by the lists and the header's count so the two cannot drift apart. */
export const leadQuestionsWhere = (userId: string): Prisma.PanelQuestionWhereInput => ({
  status: { in: [...ANSWER_WAITING] },
  section: { owners: { some: { userId } } },
});

const memberAnsweredWhere = (userId: string, now: Date): Prisma.PanelQuestionWhereInput => ({
  askedById: userId,
  status: "APPROVED",
  // Answers to read before the meeting: once it has been held they wait for nothing.
  period: { panelMeetingDate: { gte: new Date(`${deadlineToday(now)}T00:00:00Z`) } },
});

/** Questions on the sections a service lead owns, still to be answered (or answered again). */
export async function findLeadQuestionTasks(user: Pick<SessionUser, "id">): Promise<QuestionTask[]> {
  const rows = await db.panelQuestion.findMany({ where: leadQuestionsWhere(user.id), orderBy: ORDER, select: QUESTION_FIELDS });
  return rows.map(questionTask);
}

export const countLeadQuestionTasks = (user: Pick<SessionUser, "id">) => db.panelQuestion.count({ where: leadQuestionsWhere(user.id) });

/**
 * The director's: answers sent for approval, questions about the whole pack still to answer, and
 * recommendations awaiting the executive's response (soonest due first).
 */
export async function findDirectorPanelTasks() {
  const [toApprove, packWide, recommendations] = await Promise.all([
    db.panelQuestion.findMany({ where: { status: "SUBMITTED" }, orderBy: ORDER, select: QUESTION_FIELDS }),
    db.panelQuestion.findMany({
      where: { sectionId: null, status: { in: [...ANSWER_WAITING] } },
      orderBy: ORDER,
      select: QUESTION_FIELDS,
    }),
    db.recommendation.findMany({
      where: { status: "AWAITING_RESPONSE" },
      orderBy: [{ responseDue: "asc" }, { meetingDate: "asc" }, { number: "asc" }],
      select: { id: true, number: true, meetingDate: true, text: true, addressedTo: true, responseDue: true },
    }),
  ]);
  return {
    questionsToApprove: toApprove.map(questionTask),
    packQuestions: packWide.map(questionTask),
    recommendations: recommendations.map((r) => ({
      ...r,
      responseDue: r.responseDue.toISOString().slice(0, 10),
      href: `/recommendations/${r.id}`,
    })),
  };
}

/** A member's own questions answered for a meeting still to come, with where to read the answers. */
export async function findMemberAnsweredQuestions(user: Pick<SessionUser, "id">, now = new Date()) {
  const rows = await db.panelQuestion.findMany({ where: memberAnsweredWhere(user.id, now), orderBy: ORDER, select: QUESTION_FIELDS });
  return rows.map((q) => ({ ...questionTask(q), href: `/packs/${q.period.month}/questions` }));
}

export const countMemberAnsweredQuestions = (user: Pick<SessionUser, "id">, now = new Date()) =>
  db.panelQuestion.count({ where: memberAnsweredWhere(user.id, now) });
