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
import { loadMonthFigures } from "@/lib/commentary/load-month-figures";
import { loadCommentaryContext } from "@/lib/commentary/load-commentary-context";
import { buildFiguresSummary } from "@/lib/commentary/figures-summary";
import { TRANSITIONS, type CommentaryState } from "@/lib/commentary/workflow";
import { deadlinesFor, progressForSection } from "@/lib/deadlines/find-deadlines";
import { loadSectionExceptions } from "@/lib/exception-actions/load-section-actions";
import { exceptionsWithoutAction } from "@/lib/exception-actions/without-action";
import { emailEnabled } from "@/lib/notifications/send-email";
import { findLastReturn } from "@/lib/commentary/load-resubmission";

export async function loadSectionWorkspace(user: SessionUser, month: string, slug: string) {
  assertCan(user, "commentary.view");
  const { period, section, ownerIds, commentary } = await loadCommentaryContext(month, slug);
  const previousMonth = addMonths(month, -1);
  const lastYearMonth = addMonths(month, -12);
  const monthFigures = await loadMonthFigures({ sectionId: section.id }, month);
  const national = await findNationalComparators(db, monthFigures, month);
  const figures = monthFigures.map(({ nationalMeasureCode: _, ...f }) => ({ ...f, national: national.get(f.id) ?? null }));

  const state: CommentaryState = commentary?.status ?? "NOT_STARTED";
  const editable = isPeriodEditable(period.status);
  const owner = can(user.role, "commentary.draft") && canEditSection(user, ownerIds);
  const reviewer = can(user.role, "commentary.review");
  // The last return stays in view until the director acts on the resubmission: with the lead while
  // it is returned (or withdrawn again to draft), and with the changes since it once resubmitted.
  const sinceReturn = commentary && ["RETURNED", "DRAFT", "SUBMITTED"].includes(state) ? await findLastReturn(commentary.id) : null;
  const lastReturn = sinceReturn && state !== "SUBMITTED" ? sinceReturn.comment : null;
  const resubmission = sinceReturn && state === "SUBMITTED" ? { ...sinceReturn, currentBody: commentary!.body } : null;

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
    resubmission,
    /** Exceptions still on the list with no open action: the submit step warns of them, and still submits. */
    withoutAction: exceptionsWithoutAction(exceptions),
    /** Whether workflow emails go out (SMTP configured), so the page promises one only when it will come. */
    emailOn: emailEnabled(),
    figures,
    missingNotice: await findMissingMonthsNotice(month),
    figuresSummary: buildFiguresSummary(figures, formatMonth(month), formatMonth(previousMonth), formatMonth(lastYearMonth)),
    may: {
      draft: editable && owner && TRANSITIONS.save.from.includes(state),
      submit: editable && owner && can(user.role, "commentary.submit") && TRANSITIONS.submit.from.includes(state),
      withdraw: editable && owner && can(user.role, "commentary.submit") && TRANSITIONS.withdraw.from.includes(state),
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
