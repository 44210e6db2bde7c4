// The panel's questions as the pages read them: a member's own questions and the month's answered
// ones (members see others' questions only once answered), every question for staff, and one
// question with its review history and the steps this user may take on it.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { appConfig } from "@/lib/config/app";
import { isMonth } from "@/lib/format/dates";
import type { QuestionStatus } from "@/lib/generated/prisma/enums";
import { questionWindow, whyQuestionsClosed } from "@/lib/questions/question-period";
import { QUESTION_ACTIONS, planQuestionStep, questionActors, type QuestionAction } from "@/lib/questions/question-workflow";

/** What a question is about, with the names the pages show. */
export type AboutView =
  | { kind: "pack" }
  | { kind: "section"; slug: string; name: string }
  | { kind: "indicator"; code: string; name: string; sectionName: string };

export const aboutLabel = (a: AboutView) => (a.kind === "pack" ? "The whole pack" : a.name);

/** Where the pack shows what a question is about: its indicator's row, its section, or its top. */
export const aboutAnchor = (month: string, a: AboutView) =>
  `/packs/${month}${a.kind === "indicator" ? `#ind-${a.code}` : a.kind === "section" ? `#section-${a.slug}` : ""}`;

const ABOUT_SELECT = {
  section: { select: { name: true, slug: true } },
  indicator: { select: { code: true, name: true, section: { select: { name: true } } } },
} as const;

type AboutRow = {
  section: { name: string; slug: string } | null;
  indicator: { code: string; name: string; section: { name: string } } | null;
};

function aboutOf(q: AboutRow): AboutView {
  if (q.indicator) return { kind: "indicator", code: q.indicator.code, name: q.indicator.name, sectionName: q.indicator.section.name };
  if (q.section) return { kind: "section", slug: q.section.slug, name: q.section.name };
  return { kind: "pack" };
}

/** The month's question window in words for the pages: dates, whether open, and why not. */
async function loadPeriod(month: string, needsPublished: boolean, now: Date) {
  const period = isMonth(month)
    ? await db.period.findUnique({
        where: { month },
        select: {
          id: true,
          month: true,
          status: true,
          panelMeetingDate: true,
          packVersions: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
        },
      })
    : null;
  const published = Boolean(period?.packVersions.length);
  if (!period || (needsPublished && !published)) throw new AppError("NOT_FOUND", "There is no published pack for that month");
  const w = questionWindow(period, now);
  const closedReason = whyQuestionsClosed({ ...period, published }, now);
  return {
    period,
    window: {
      meeting: w?.meeting ?? null,
      deadline: w?.deadline ?? null,
      answersDue: w?.answersDue ?? null,
      open: closedReason === null,
      closedReason,
    },
  };
}

export type AboutChoices = { slug: string; name: string; indicators: { code: string; name: string }[] }[];

/** The "About" choice: every section in order, each with its active indicators in order. */
async function loadAboutChoices(): Promise<AboutChoices> {
  const sections = await db.section.findMany({
    orderBy: { order: "asc" },
    select: {
      slug: true,
      name: true,
      indicators: { where: { active: true }, orderBy: { order: "asc" }, select: { code: true, name: true } },
    },
  });
  return sections;
}

/** A panel member's view of a published month: their own questions, the answered ones, and the choices to ask about. */
export async function findMemberQuestions(user: SessionUser | null, month: string, now = new Date()) {
  assertCan(user, "pack.readPublished");
  const { period, window } = await loadPeriod(month, true, now);
  const [own, approved, choices] = await Promise.all([
    db.panelQuestion.findMany({
      where: { periodId: period.id, askedById: user.id },
      orderBy: { askedAt: "asc" },
      select: { id: true, body: true, status: true, askedAt: true, answer: true, ...ABOUT_SELECT },
    }),
    db.panelQuestion.findMany({
      where: { periodId: period.id, status: "APPROVED" },
      orderBy: { askedAt: "asc" },
      select: {
        id: true,
        body: true,
        askedByName: true,
        askedAt: true,
        answer: true,
        answeredByName: true,
        approvedByName: true,
        approvedAt: true,
        ...ABOUT_SELECT,
      },
    }),
    loadAboutChoices(),
  ]);
  return {
    month: period.month,
    ...window,
    mine: own.map((q) => ({
      id: q.id,
      body: q.body,
      about: aboutOf(q),
      status: q.status,
      askedAt: q.askedAt,
      answer: q.status === "APPROVED" ? q.answer : null,
    })),
    answered: approved.map((q, i) => ({
      id: q.id,
      number: i + 1,
      body: q.body,
      about: aboutOf(q),
      askedBy: appConfig.showAskerNames ? q.askedByName : null,
      askedAt: q.askedAt,
      answer: q.answer,
      answeredBy: q.answeredByName ?? "",
      approvedBy: q.approvedByName ?? "",
      approvedAt: q.approvedAt ?? q.askedAt,
    })),
    choices,
  };
}

/** The steps someone may take on a question, from who they are to it and its state. */
function stepsFor(user: SessionUser, q: { status: QuestionStatus; sectionId: string | null; ownerIds: string[] }) {
  const actors = questionActors({ packWide: q.sectionId === null, ownsSection: q.ownerIds.includes(user.id), role: user.role });
  return Object.fromEntries(QUESTION_ACTIONS.map((a) => [a, planQuestionStep(q.status, a, actors).ok])) as Record<QuestionAction, boolean>;
}

/** What the staff list's link offers: to answer, to review, or only to view. */
export function nextStepOf(may: Record<QuestionAction, boolean>): "Answer" | "Review" | "View" {
  if (may.save || may.submit || may.answer) return "Answer";
  if (may.approve || may.return) return "Review";
  return "View";
}

/** Every question of a month, for staff: about, asker, state, and what this user can do with each. */
export async function findPeriodQuestions(user: SessionUser | null, month: string, now = new Date()) {
  assertCan(user, "question.viewAll");
  const { period, window } = await loadPeriod(month, false, now);
  const rows = await db.panelQuestion.findMany({
    where: { periodId: period.id },
    orderBy: { askedAt: "asc" },
    select: {
      id: true,
      body: true,
      status: true,
      askedByName: true,
      askedAt: true,
      sectionId: true,
      section: { select: { name: true, slug: true, owners: { select: { userId: true } } } },
      indicator: ABOUT_SELECT.indicator,
    },
  });
  const questions = rows.map((q, i) => {
    const may = stepsFor(user, { status: q.status, sectionId: q.sectionId, ownerIds: q.section?.owners.map((o) => o.userId) ?? [] });
    return {
      id: q.id,
      number: i + 1,
      body: q.body,
      about: aboutOf(q),
      askedByName: q.askedByName,
      askedAt: q.askedAt,
      status: q.status,
      next: nextStepOf(may),
    };
  });
  return {
    month: period.month,
    ...window,
    questions,
    ...tallyQuestions(
      user,
      rows.map((q) => ({ status: q.status, sectionId: q.sectionId, ownerIds: q.section?.owners.map((o) => o.userId) ?? [] })),
    ),
  };
}

/** A question as the tally needs it: its state, and who owns the section it is about (none for the whole pack). */
export type QuestionToTally = { status: QuestionStatus; sectionId: string | null; ownerIds: string[] };

/** How many of a month's questions there are, how many are not yet answered and approved, and how many wait for this user. */
export type QuestionTally = { asked: number; waiting: number; forYou: number };

/** The one rule for the counts the period page and the questions page show. */
export function tallyQuestions(user: SessionUser, questions: QuestionToTally[]): QuestionTally {
  return {
    asked: questions.length,
    waiting: questions.filter((q) => q.status !== "APPROVED").length,
    forYou: questions.filter((q) => nextStepOf(stepsFor(user, q)) !== "View").length,
  };
}

/**
 * A column for a statement about one period (the period page's overview reads everything in one
 * statement): its questions as tallyQuestions takes them, as JSON.
 */
export const questionsToTallySql = (periodId: Prisma.Sql) => Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object(
           'status', q.status,
           'sectionId', q."sectionId",
           'ownerIds', (SELECT coalesce(json_agg(o."userId"), '[]'::json) FROM "SectionOwner" o WHERE o."sectionId" = q."sectionId"))), '[]'::json)
    FROM "PanelQuestion" q WHERE q."periodId" = ${periodId})`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One question for the staff page: what was asked, its answer, its history, and the steps this user may take. */
export async function findQuestion(user: SessionUser | null, id: string) {
  assertCan(user, "question.viewAll");
  const q = UUID.test(id)
    ? await db.panelQuestion.findUnique({
        where: { id },
        include: {
          period: { select: { month: true, panelMeetingDate: true } },
          section: { select: { name: true, slug: true, owners: { select: { userId: true } } } },
          indicator: ABOUT_SELECT.indicator,
          reviews: { orderBy: { createdAt: "asc" } },
        },
      })
    : null;
  if (!q) throw new AppError("NOT_FOUND", "There is no such question");
  const w = questionWindow(q.period);
  const lastReview = q.reviews.at(-1) ?? null;
  return {
    id: q.id,
    month: q.period.month,
    answersDue: w?.answersDue ?? null,
    body: q.body,
    about: aboutOf(q),
    askedByName: q.askedByName,
    askedAt: q.askedAt,
    status: q.status,
    version: q.version,
    answer: q.answer,
    answeredByName: q.answeredByName,
    approvedByName: q.approvedByName,
    approvedAt: q.approvedAt,
    reviews: q.reviews.map((r) => ({
      id: r.id,
      action: r.action,
      body: r.body,
      authorName: r.authorName,
      authorRole: r.authorRole,
      createdAt: r.createdAt,
    })),
    /** The director's comment when the answer is back with its author. */
    lastReturn: q.status === "RETURNED" && lastReview?.action === "RETURN" ? lastReview : null,
    may: stepsFor(user, { status: q.status, sectionId: q.sectionId, ownerIds: q.section?.owners.map((o) => o.userId) ?? [] }),
  };
}
