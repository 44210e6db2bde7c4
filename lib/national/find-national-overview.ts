// What the national data page shows: what is loaded, the council's number, and for the mapping
// screen each indicator with its link and the measures suggested for it.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { suggestMeasures } from "@/lib/national/suggest-measures";

export async function findNationalOverview(actor: SessionUser | null) {
  assertCan(actor, "national.manage");
  const [measures, figures, neighbours, linked, lastImport] = await Promise.all([
    db.nationalMeasure.count(),
    db.nationalFigure.count(),
    db.statisticalNeighbour.count(),
    db.indicator.count({ where: { nationalMeasureCode: { not: null } } }),
    db.auditEvent.findFirst({
      where: { action: "national.imported" },
      orderBy: { at: "desc" },
      select: { at: true, actorName: true, after: true },
    }),
  ]);
  return { measures, figures, authoritiesWithNeighbours: neighbours / 10, linked, lastImport };
}

export async function findMeasureLinks(actor: SessionUser | null) {
  assertCan(actor, "national.manage");
  const [indicators, measures] = await Promise.all([
    db.indicator.findMany({
      where: { active: true },
      orderBy: [{ section: { order: "asc" } }, { order: "asc" }],
      select: { id: true, code: true, name: true, definition: true, unit: true, polarity: true, nationalMeasureCode: true },
    }),
    db.nationalMeasure.findMany({
      orderBy: { code: "asc" },
      select: { code: true, name: true, definition: true, unit: true, polarity: true },
    }),
  ]);
  return {
    measureCount: measures.length,
    indicators: indicators.map((ind) => ({
      ...ind,
      suggestions: suggestMeasures(ind, measures),
      // Only measures of the same unit and polarity can be linked.
      compatible: measures.filter((m) => m.unit === ind.unit && m.polarity === ind.polarity),
    })),
  };
}
