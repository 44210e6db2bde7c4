// The period page: its status, how complete its figures are and where each section's commentary
// stands, so everyone sees what is left to do this month.
// One statement reads it all by the month: the period row, counts, sections, owners, readiness and
// the months with figures. The page was 13 round trips of Prisma queries, most of a request's time
// under load (issue 24).
import "server-only";
import { db } from "@/lib/db";
import { Prisma, type Period } from "@/lib/generated/prisma/client";
import { assertCan, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { isMonth } from "@/lib/format/dates";
import { areFiguresEditable, isPeriodEditable } from "@/lib/periods/period-lifecycle";
import { judgeReadiness, readinessColumns, type ReadinessLists } from "@/lib/periods/readiness";
import { describeMissingMonths, monthsWithFiguresSql } from "@/lib/periods/find-missing-months";
import { deadlinesFor, progressFromReadiness } from "@/lib/deadlines/find-deadlines";
import { questionsToTallySql, tallyQuestions, type QuestionToTally } from "@/lib/questions/find-questions";

export type ValuesProgress = { indicators: number; withValue: number; notAvailable: number; missing: number };

/** The period's columns the page shows. */
type PeriodShown = Pick<
  Period,
  "id" | "month" | "panelMeetingDate" | "status" | "version" | "commentaryFirstSubmittedAt" | "amendmentReason" | "createdAt"
>;

type OverviewRow = PeriodShown &
  ReadinessLists & {
    openedByName: string | null;
    indicators: number;
    valueCounts: { withValue: number; notAvailable: number; revised: number };
    sectionDetails: { slug: string; indicators: number; owners: string[] }[];
    monthsWithFigures: string[];
    questions: QuestionToTally[];
  };

/** The period of `month` and everything the page shows about it, in one statement; no row when there is no such period. */
function readOverview(month: string) {
  return db.$queryRaw<OverviewRow[]>`
    SELECT p.id, p.month, p."panelMeetingDate", p.status::text AS status, p.version, p."commentaryFirstSubmittedAt",
      p."amendmentReason", p."createdAt",
      (SELECT u.name FROM "User" u WHERE u.id = p."openedById") AS "openedByName",
      (SELECT count(*)::int FROM "Indicator" WHERE active) AS indicators,
      (SELECT json_build_object(
                'withValue', count(*) FILTER (WHERE v.value IS NOT NULL),
                'notAvailable', count(*) FILTER (WHERE v.value IS NULL AND v."notAvailableReason" IS NOT NULL),
                'revised', count(*) FILTER (WHERE v."revisedAfterSubmission"))
         FROM "IndicatorValue" v JOIN "Indicator" i ON i.id = v."indicatorId"
        WHERE i.active AND v."periodId" = p.id) AS "valueCounts",
      (SELECT coalesce(json_agg(json_build_object(
                'slug', s.slug,
                'indicators', (SELECT count(*) FROM "Indicator" i WHERE i."sectionId" = s.id AND i.active),
                'owners', (SELECT coalesce(json_agg(u.name ORDER BY o."createdAt", u.id), '[]'::json)
                             FROM "SectionOwner" o JOIN "User" u ON u.id = o."userId" WHERE o."sectionId" = s.id))), '[]'::json)
         FROM "Section" s) AS "sectionDetails",
      (SELECT coalesce(json_agg(m.month), '[]'::json) FROM (${monthsWithFiguresSql(month)}) m) AS "monthsWithFigures",
      ${questionsToTallySql(Prisma.sql`p.id`)} AS questions,
      ${readinessColumns(Prisma.sql`p.id`)}
    FROM "Period" p WHERE p.month = ${month}`;
}

export async function findPeriodOverview(user: SessionUser, month: string) {
  assertCan(user, "period.view");
  if (!isMonth(month)) return null;
  const [row] = await readOverview(month);
  if (!row) return null;
  const { openedByName, indicators, valueCounts, sectionDetails, monthsWithFigures, missingValues, sections, questions, ...period } = row;
  const readiness = judgeReadiness({ missingValues, sections });
  const { withValue, notAvailable, revised } = valueCounts;
  const details = new Map(sectionDetails.map((s) => [s.slug, s]));
  const figuresEditable = areFiguresEditable(period.status);
  return {
    period: period satisfies PeriodShown,
    openedByName,
    readiness,
    deadlines: deadlinesFor(period, progressFromReadiness(readiness)),
    editable: isPeriodEditable(period.status),
    values: { indicators, withValue, notAvailable, missing: Math.max(0, indicators - withValue - notAvailable) } satisfies ValuesProgress,
    revisedCount: revised,
    sections: readiness.sections.map((s) => ({
      name: s.name,
      slug: s.slug,
      indicators: details.get(s.slug)?.indicators ?? 0,
      owners: details.get(s.slug)?.owners ?? [],
      state: s.state,
    })),
    history: period.status === "HISTORY",
    // A history month has no panel, so no questions; the counts follow the questions page's rule.
    questions: period.status === "HISTORY" || !can(user.role, "question.viewAll") ? null : tallyQuestions(user, questions),
    missingNotice: describeMissingMonths(period.month, monthsWithFigures),
    may: { import: figuresEditable && can(user.role, "value.import"), editValues: figuresEditable && can(user.role, "value.edit") },
  };
}

export type PeriodOverview = NonNullable<Awaited<ReturnType<typeof findPeriodOverview>>>;

/** "30 of 32 indicators have a value, 2 missing", with any marked not available named too. */
export function describeValuesProgress(p: ValuesProgress): string {
  const parts = [`${p.withValue} of ${p.indicators} indicator${p.indicators === 1 ? " has" : "s have"} a value`];
  if (p.notAvailable > 0) parts.push(`${p.notAvailable} marked not available`);
  parts.push(p.missing === 0 ? "none missing" : `${p.missing} missing`);
  return parts.join(", ");
}
