// Everything the section commentary page shows: the month's figures for the section, the
// commentary and its state, the latest review comment, and what this user may do now.
import "server-only";
import { findNationalComparators } from "@/lib/national/find-national-comparators";
import { findMissingMonthsNotice } from "@/lib/periods/find-missing-months";
import { db } from "@/lib/db";
import { assertCan, can, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { addMonths, formatMonth } from "@/lib/format/dates";
import { isPeriodEditable } from "@/lib/periods/period-lifecycle";
import { targetInForce } from "@/lib/catalogue/target-in-force";
import { loadCommentaryContext } from "@/lib/commentary/load-commentary-context";
import { buildFiguresSummary } from "@/lib/commentary/figures-summary";
import { TRANSITIONS, type CommentaryState } from "@/lib/commentary/workflow";
import { deadlinesFor, progressForSection } from "@/lib/deadlines/find-deadlines";
import { loadSectionExceptions } from "@/lib/exception-actions/load-section-actions";

export async function loadSectionWorkspace(user: SessionUser, month: string, slug: string) {
  assertCan(user, "commentary.view");
  const { period, section, ownerIds, commentary } = await loadCommentaryContext(month, slug);
  const previousMonth = addMonths(month, -1);
  const lastYearMonth = addMonths(month, -12);
  const indicators = await db.indicator.findMany({
    where: { sectionId: section.id, active: true },
    orderBy: { order: "asc" },
    include: {
      targets: true,
      values: {
        where: { period: { month: { in: [month, previousMonth, lastYearMonth] } } },
        include: { period: { select: { month: true } } },
      },
    },
  });
  const national = await findNationalComparators(db, indicators, month);
  const figures = indicators.map((ind) => {
    const at = (m: string) => ind.values.find((v) => v.period.month === m) ?? null;
    const current = at(month);
    const target = targetInForce(ind.targets, month);
    return {
      id: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      polarity: ind.polarity,
      suppressSmallNumbers: ind.suppressSmallNumbers,
      current: current?.value ?? null,
      notAvailableReason: current?.notAvailableReason ?? null,
      revised: current?.revisedAfterSubmission ?? false,
      previous: at(previousMonth)?.value ?? null,
      lastYear: at(lastYearMonth)?.value ?? null,
      target: target?.target ?? null,
      tolerance: target?.tolerance ?? null,
      national: national.get(ind.id) ?? null,
    };
  });

  const state: CommentaryState = commentary?.status ?? "NOT_STARTED";
  const editable = isPeriodEditable(period.status);
  const owner = can(user.role, "commentary.draft") && canEditSection(user, ownerIds);
  const reviewer = can(user.role, "commentary.review");
  const reviewComments = commentary
    ? await db.reviewComment.findMany({ where: { commentaryId: commentary.id }, orderBy: { createdAt: "desc" }, take: 5 })
    : [];
  const lastReturn = state === "RETURNED" ? (reviewComments.find((c) => c.action === "RETURN" || c.action === "REOPEN") ?? null) : null;

  // This section's share of the plan: its own commentary to submit and have approved, then publication.
  const deadlines = deadlinesFor(period, progressForSection(false, state));
  const exceptions = await loadSectionExceptions(month, figures);
  return {
    period,
    section,
    state,
    editable,
    // A history month has no panel, so no deadlines.
    deadlineSteps: deadlines?.steps.filter((s) => s.key !== "values") ?? [],
    deadlines,
    exceptions,
    owners: section.owners.map((o) => o.user.name),
    commentary: commentary
      ? { body: commentary.body, version: commentary.version, updatedAt: commentary.updatedAt, updatedByName: commentary.updatedByName }
      : null,
    lastReturn,
    figures,
    missingNotice: await findMissingMonthsNotice(month),
    figuresSummary: buildFiguresSummary(figures, formatMonth(month), formatMonth(previousMonth), formatMonth(lastYearMonth)),
    may: {
      draft: editable && owner && TRANSITIONS.save.from.includes(state),
      submit: editable && owner && can(user.role, "commentary.submit") && TRANSITIONS.submit.from.includes(state),
      review: editable && reviewer && TRANSITIONS.approve.from.includes(state),
      reopen: editable && reviewer && TRANSITIONS.reopen.from.includes(state),
    },
  };
}

export type SectionWorkspace = Awaited<ReturnType<typeof loadSectionWorkspace>>;

/** Revisions and review comments in the order they happened, each revision with the one before. */
export async function loadCommentaryHistory(user: SessionUser, month: string, slug: string) {
  assertCan(user, "commentary.view");
  const { period, section, commentary } = await loadCommentaryContext(month, slug);
  if (!commentary) return { period, section, events: [] as HistoryEvent[] };
  const [revisions, comments] = await Promise.all([
    db.commentaryRevision.findMany({ where: { commentaryId: commentary.id }, orderBy: { number: "asc" } }),
    db.reviewComment.findMany({ where: { commentaryId: commentary.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const events: HistoryEvent[] = [
    ...revisions.map((r, i) => ({
      kind: "revision" as const,
      at: r.createdAt,
      number: r.number,
      authorName: r.authorName,
      authorRole: r.authorRole,
      body: r.body,
      previousBody: i > 0 ? revisions[i - 1].body : "",
    })),
    ...comments.map((c) => ({
      kind: "review" as const,
      at: c.createdAt,
      action: c.action,
      authorName: c.authorName,
      authorRole: c.authorRole,
      body: c.body,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === "revision" ? -1 : 1));
  return { period, section, events };
}

export type HistoryEvent =
  | { kind: "revision"; at: Date; number: number; authorName: string; authorRole: SessionUser["role"]; body: string; previousBody: string }
  | { kind: "review"; at: Date; action: string; authorName: string; authorRole: SessionUser["role"]; body: string };
