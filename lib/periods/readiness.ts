// Whether a period's pack can be signed off: every section's commentary approved and every active
// indicator with a value or a "not available" reason. Lists what is missing, for the director.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { CommentaryState } from "@/lib/commentary/workflow";

export type Readiness = {
  ready: boolean;
  missingValues: { code: string; name: string; sectionName: string }[];
  sections: { name: string; slug: string; state: CommentaryState }[];
  sectionsNotApproved: { name: string; slug: string; state: CommentaryState }[];
};

export async function checkReadiness(periodId: string, client: Tx | typeof db = db): Promise<Readiness> {
  const indicators = await client.indicator.findMany({
    where: { active: true, values: { none: { periodId, OR: [{ value: { not: null } }, { notAvailableReason: { not: null } }] } } },
    select: { code: true, name: true, section: { select: { name: true, order: true } }, order: true },
  });
  const sections = await client.section.findMany({
    orderBy: { order: "asc" },
    select: { name: true, slug: true, commentaries: { where: { periodId }, select: { status: true } } },
  });
  const states = sections.map((s) => ({
    name: s.name,
    slug: s.slug,
    state: (s.commentaries[0]?.status ?? "NOT_STARTED") as CommentaryState,
  }));
  const missingValues = indicators
    .sort((a, b) => a.section.order - b.section.order || a.order - b.order)
    .map((i) => ({ code: i.code, name: i.name, sectionName: i.section.name }));
  const sectionsNotApproved = states.filter((s) => s.state !== "APPROVED");
  return {
    ready: missingValues.length === 0 && sectionsNotApproved.length === 0 && states.length > 0,
    missingValues,
    sections: states,
    sectionsNotApproved,
  };
}
