// What is waiting for each role: the home page task lists and the count in the header.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { CommentaryState } from "@/lib/commentary/workflow";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkReadiness, judgeReadiness, readinessColumns, type ReadinessLists } from "@/lib/periods/readiness";
import { deadlinesFor, progressForSection, progressFromReadiness } from "@/lib/deadlines/find-deadlines";
import { EDITABLE_STATES } from "@/lib/periods/period-lifecycle";
import { ANSWER_WAITING, countLeadQuestionTasks, countMemberAnsweredQuestions, findDirectorPanelTasks } from "@/lib/tasks/find-panel-tasks";

const LEAD_WAITING: CommentaryState[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

async function openPeriods() {
  return db.period.findMany({
    where: { status: { in: [...EDITABLE_STATES] } },
    orderBy: { month: "desc" },
    select: { id: true, month: true, status: true, panelMeetingDate: true },
  });
}

/** A service lead's sections in every open period, with their commentary state. */
export async function findLeadTasks(user: Pick<SessionUser, "id">) {
  const [periods, sections] = await Promise.all([
    openPeriods(),
    db.section.findMany({
      where: { owners: { some: { userId: user.id } } },
      orderBy: { order: "asc" },
      select: { id: true, name: true, slug: true },
    }),
  ]);
  const commentaries = await db.commentary.findMany({
    where: { periodId: { in: periods.map((p) => p.id) }, sectionId: { in: sections.map((s) => s.id) } },
    select: { periodId: true, sectionId: true, status: true },
  });
  return periods.map((p) => ({
    month: p.month,
    sections: sections.map((s) => {
      const state: CommentaryState = commentaries.find((c) => c.periodId === p.id && c.sectionId === s.id)?.status ?? "NOT_STARTED";
      // The lead owes the commentary step; values are the administrators' and do not count here.
      // Open, amending and signed-off periods always have a panel date (only history months have none).
      const commentaryStep = deadlinesFor(p, progressForSection(false, state))!.steps.find((st) => st.key === "commentary")!;
      return { name: s.name, slug: s.slug, state, commentaryStep };
    }),
  }));
}

/**
 * Sections submitted for review, open periods with their sign-off readiness, and the panel's
 * questions and recommendations waiting for the director (lib/tasks/find-panel-tasks.ts).
 */
export async function findDirectorTasks() {
  const [submitted, periods, panel] = await Promise.all([
    db.commentary.findMany({
      where: { status: "SUBMITTED", period: { status: { in: [...EDITABLE_STATES] } } },
      orderBy: [{ period: { month: "desc" } }, { section: { order: "asc" } }],
      select: {
        submittedAt: true,
        updatedByName: true,
        period: { select: { month: true } },
        section: { select: { name: true, slug: true } },
      },
    }),
    openPeriods(),
    findDirectorPanelTasks(),
  ]);
  const readiness = await Promise.all(
    periods.map(async (p) => {
      const r = await checkReadiness(p.id);
      return { month: p.month, ...r, deadlines: deadlinesFor(p, progressFromReadiness(r))! };
    }),
  );
  const approvalStep = new Map(readiness.map((r) => [r.month, r.deadlines.steps.find((s) => s.key === "approval")!]));
  return {
    submitted: submitted.map((c) => ({ ...c, approvalStep: approvalStep.get(c.period.month) })),
    readyToSignOff: readiness.filter((r) => r.ready).map((r) => r.month),
    openPeriods: readiness,
    atRisk: await findPeriodsAtRisk(readiness),
    ...panel,
  };
}

/**
 * Periods that may miss their statutory publication date: open ones judged above, and signed-off
 * packs not yet published (they are no longer "open" but still owe publication).
 */
async function findPeriodsAtRisk(open: { month: string; deadlines: NonNullable<ReturnType<typeof deadlinesFor>> }[]) {
  const signedOff = await db.period.findMany({
    where: { status: "SIGNED_OFF" },
    orderBy: { month: "desc" },
    select: { month: true, status: true, panelMeetingDate: true },
  });
  const all = [
    ...open,
    ...signedOff.map((p) => ({
      month: p.month,
      deadlines: deadlinesFor(p, { valuesIn: true, commentarySubmitted: true, commentaryApproved: true })!,
    })),
  ];
  return all.filter((p) => p.deadlines.atRisk).sort((a, b) => a.deadlines.statutory.localeCompare(b.deadlines.statutory));
}

/** Open periods with indicators still missing a value. */
export async function findAdminTasks() {
  const periods = await openPeriods();
  const activeCount = await db.indicator.count({ where: { active: true } });
  const filled = await db.indicatorValue.groupBy({
    by: ["periodId"],
    where: {
      periodId: { in: periods.map((p) => p.id) },
      indicator: { active: true },
      OR: [{ value: { not: null } }, { notAvailableReason: { not: null } }],
    },
    _count: { _all: true },
  });
  return periods.map((p) => {
    const have = filled.find((f) => f.periodId === p.id)?._count._all ?? 0;
    const missing = activeCount - have;
    const valuesStep = deadlinesFor(p, { valuesIn: missing === 0, commentarySubmitted: false, commentaryApproved: false })!.steps.find(
      (s) => s.key === "values",
    )!;
    return { month: p.month, have, missing, total: activeCount, valuesStep };
  });
}

/**
 * The number in the header: things this user should act on now. Counted once per request: besides
 * the page's own header, Next renders the root not-found and forbidden pages (each with a header)
 * into every response, which made the director's page count three times.
 */
export function countWaitingItems(user: SessionUser): Promise<number> {
  return countWaitingItemsOnce(user.id, user.role);
}

const countWaitingItemsOnce = cache(async (id: string, role: SessionUser["role"]): Promise<number> => {
  switch (role) {
    case "SERVICE_LEAD": {
      const [tasks, questions] = await Promise.all([findLeadTasks({ id }), countLeadQuestionTasks({ id })]);
      return tasks.reduce((n, p) => n + p.sections.filter((s) => LEAD_WAITING.includes(s.state)).length, questions);
    }
    case "DIRECTOR":
      return countDirectorWaiting();
    case "ADMIN":
      return (await findAdminTasks()).filter((p) => p.missing > 0).length;
    case "PANEL_MEMBER":
      return countMemberAnsweredQuestions({ id });
    default:
      return 0;
  }
});

/**
 * The director's count, as findDirectorTasks gives it (sections submitted for review in open periods,
 * open periods ready to sign off, answers to approve, pack-wide questions to answer and
 * recommendations awaiting a response), in one statement: the header shows it on every page, and
 * reading it through findDirectorTasks, which also works out deadlines and the packs at risk, took
 * 9 round trips (issue 24). lib/tasks/find-tasks.test.ts holds the two to the same answer.
 */
async function countDirectorWaiting(): Promise<number> {
  const [row] = await db.$queryRaw<{ questions: number; recommendations: number; months: (ReadinessLists & { submitted: number })[] }[]>`
    SELECT (SELECT count(*)::int FROM "PanelQuestion" q
             WHERE q.status = 'SUBMITTED' OR (q."sectionId" IS NULL AND q.status::text IN (${Prisma.join([...ANSWER_WAITING])}))) AS questions,
           (SELECT count(*)::int FROM "Recommendation" r WHERE r.status = 'AWAITING_RESPONSE') AS recommendations,
           (SELECT coalesce(json_agg(m), '[]'::json) FROM (
              SELECT (SELECT count(*)::int FROM "Commentary" c WHERE c."periodId" = p.id AND c.status = 'SUBMITTED') AS submitted,
                     ${readinessColumns(Prisma.sql`p.id`)}
                FROM "Period" p WHERE p.status::text IN (${Prisma.join([...EDITABLE_STATES])})) m) AS months`;
  return row.months.reduce((n, r) => n + r.submitted + (judgeReadiness(r).ready ? 1 : 0), row.questions + row.recommendations);
}
