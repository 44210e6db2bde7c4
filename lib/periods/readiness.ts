// Whether a period's pack can be signed off: every section's commentary approved and every active
// indicator with a value or a "not available" reason. Lists what is missing, for the director.
// Read in one statement (readinessColumns), which the period page and the header's count also
// embed in their own statements, so each asks the database once; judged by one rule (judgeReadiness).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentaryState } from "@/lib/commentary/workflow";

export type Readiness = {
  ready: boolean;
  missingValues: { code: string; name: string; sectionName: string }[];
  sections: { name: string; slug: string; state: CommentaryState }[];
  sectionsNotApproved: { name: string; slug: string; state: CommentaryState }[];
};

/** The two json columns readinessColumns reads. */
export type ReadinessLists = Pick<Readiness, "missingValues" | "sections">;

/**
 * Two json columns, "missingValues" and "sections", for the period `periodId` names (a uuid
 * parameter, a column of an outer query, or a subquery that yields one): the active indicators with
 * neither a value nor a "not available" reason, in section then indicator order, and every section,
 * in order, with its commentary's state for that period.
 */
export function readinessColumns(periodId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (SELECT coalesce(json_agg(json_build_object('code', i.code, 'name', i.name, 'sectionName', s.name) ORDER BY s."order", i."order", i.code), '[]'::json)
       FROM "Indicator" i JOIN "Section" s ON s.id = i."sectionId"
      WHERE i.active AND NOT EXISTS (
        SELECT 1 FROM "IndicatorValue" v
         WHERE v."indicatorId" = i.id AND v."periodId" = ${periodId} AND (v.value IS NOT NULL OR v."notAvailableReason" IS NOT NULL))
    ) AS "missingValues",
    (SELECT coalesce(json_agg(json_build_object('name', s.name, 'slug', s.slug, 'state', coalesce(c.status::text, 'NOT_STARTED')) ORDER BY s."order", s.name), '[]'::json)
       FROM "Section" s LEFT JOIN "Commentary" c ON c."sectionId" = s.id AND c."periodId" = ${periodId}
    ) AS "sections"`;
}

/** The rule: nothing missing, and at least one section, every one approved. */
export function judgeReadiness({ missingValues, sections }: ReadinessLists): Readiness {
  const sectionsNotApproved = sections.filter((s) => s.state !== "APPROVED");
  return {
    ready: missingValues.length === 0 && sectionsNotApproved.length === 0 && sections.length > 0,
    missingValues,
    sections,
    sectionsNotApproved,
  };
}

export async function checkReadiness(periodId: string, client: Tx | typeof db = db): Promise<Readiness> {
  const [lists] = await client.$queryRaw<ReadinessLists[]>`SELECT ${readinessColumns(Prisma.sql`${periodId}::uuid`)}`;
  return judgeReadiness(lists);
}
