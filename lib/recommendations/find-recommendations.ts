// Recommendations as the pages show them: the tracker (open first, then closed), one recommendation
// with its response, actions and updates and the steps this user may take, and the meetings an
// administrator may record a recommendation for.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInEngland } from "@/lib/deadlines/working-days";
import { deadlineToday } from "@/lib/deadlines/find-deadlines";
import { recommendationName, responseDueState } from "@/lib/recommendations/recommendation-words";
import {
  RECOMMENDATION_ACTIONS,
  isRecommendationOpen,
  planRecommendationStep,
  type RecommendationAction,
} from "@/lib/recommendations/recommendation-workflow";
import { RECOMMENDATION_LINKS, recommendationLinks } from "@/lib/recommendations/recommendation-links";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every recommendation: open ones first, then closed; newest meeting first, then by number. */
export async function listRecommendations(user: SessionUser | null, now = new Date()) {
  assertCan(user, "recommendation.view");
  // Judged on the day every deadline here is (DEADLINES_TODAY in the demo).
  const today = deadlineToday(now);
  const rows = await db.recommendation.findMany({
    orderBy: [{ meetingDate: "desc" }, { number: "asc" }],
    include: { period: { select: { month: true } }, ...RECOMMENDATION_LINKS },
  });
  const list = rows.map((r) => ({
    id: r.id,
    name: recommendationName(r),
    number: r.number,
    meetingDate: isoDay(r.meetingDate),
    month: r.period.month,
    addressedTo: r.addressedTo,
    status: r.status,
    open: isRecommendationOpen(r.status),
    responseDue: isoDay(r.responseDue),
    /** Only while the response is awaited: due, or overdue. */
    due: r.status === "AWAITING_RESPONSE" ? responseDueState(isoDay(r.responseDue), today) : null,
    respondedAt: r.respondedAt,
    closedAt: r.closedAt,
    ...recommendationLinks(r),
  }));
  return [...list.filter((r) => r.open), ...list.filter((r) => !r.open)];
}

export type RecommendationRow = Awaited<ReturnType<typeof listRecommendations>>[number];

/** One recommendation, all of it, and which steps this user can take now. */
export async function findRecommendation(user: SessionUser | null, id: string, now = new Date()) {
  assertCan(user, "recommendation.view");
  const missing = new AppError("NOT_FOUND", "There is no such recommendation");
  if (!UUID.test(id)) throw missing;
  const r = await db.recommendation.findUnique({
    where: { id },
    include: {
      period: { select: { month: true } },
      ...RECOMMENDATION_LINKS,
      actions: { orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] },
      updates: { orderBy: { createdAt: "desc" } },
    },
  });
  if (!r) throw missing;
  const responds = can(user.role, "recommendation.respond");
  const steps = RECOMMENDATION_ACTIONS.filter(
    (a) => responds && planRecommendationStep(r.status, a, a === "respond" ? "ACCEPTED" : undefined).ok,
  ) satisfies RecommendationAction[];
  return {
    id: r.id,
    name: recommendationName(r),
    number: r.number,
    meetingDate: isoDay(r.meetingDate),
    month: r.period.month,
    text: r.text,
    addressedTo: r.addressedTo,
    status: r.status,
    open: isRecommendationOpen(r.status),
    version: r.version,
    responseDue: isoDay(r.responseDue),
    due: r.status === "AWAITING_RESPONSE" ? responseDueState(isoDay(r.responseDue), deadlineToday(now)) : null,
    response: r.respondedAt ? { reasons: r.responseReasons ?? "", at: r.respondedAt, byName: r.respondedByName ?? "" } : null,
    closed: r.closedAt ? { at: r.closedAt, reason: r.closedReason ?? "" } : null,
    recordedBy: r.createdByName,
    recordedAt: r.createdAt,
    actions: r.actions.map((a) => ({ id: a.id, description: a.description, ownerName: a.ownerName, dueDate: isoDay(a.dueDate) })),
    updates: r.updates.map((u) => ({ id: u.id, body: u.body, authorName: u.authorName, at: u.createdAt })),
    steps,
    ...recommendationLinks(r),
  };
}

export type RecommendationDetail = Awaited<ReturnType<typeof findRecommendation>>;

/**
 * What the "Record a recommendation" form offers: the meetings that have happened (newest first),
 * and the sections with their active indicators, for the checkboxes.
 */
export async function meetingsForRecording(user: SessionUser | null, now = new Date()) {
  assertCan(user, "recommendation.record");
  const today = new Date(`${todayInEngland(now)}T00:00:00Z`);
  const [periods, sections] = await Promise.all([
    db.period.findMany({
      where: { panelMeetingDate: { not: null, lte: today } },
      orderBy: { panelMeetingDate: "desc" },
      select: { month: true, panelMeetingDate: true },
    }),
    db.section.findMany({
      orderBy: { order: "asc" },
      select: {
        slug: true,
        name: true,
        indicators: { where: { active: true }, orderBy: { order: "asc" }, select: { code: true, name: true } },
      },
    }),
  ]);
  return {
    meetings: periods.map((p) => ({ month: p.month, meetingDate: isoDay(p.panelMeetingDate!) })),
    sections,
  };
}
