// The administrator's view of the whole catalogue: every indicator, active or not, in pack order
// (section, then position), with the target in force for the month asked about.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { MeasureType, Polarity, Unit } from "@/lib/generated/prisma/enums";
import { currentMonth } from "@/lib/format/dates";
import { targetInForce } from "@/lib/catalogue/target-in-force";

export type CatalogueRow = {
  code: string;
  name: string;
  sectionId: string;
  sectionName: string;
  sectionOrder: number;
  order: number;
  unit: Unit;
  polarity: Polarity;
  measureType: MeasureType;
  decimals: number;
  active: boolean;
  target: number | null;
  tolerance: number | null;
};

export type SectionOption = { id: string; name: string };

export async function listCatalogue(actor: SessionUser | null | undefined, month = currentMonth()) {
  assertCan(actor, "indicator.manage");
  const [sections, indicators] = await Promise.all([
    listSectionOptions(actor),
    db.indicator.findMany({
      select: {
        code: true,
        name: true,
        sectionId: true,
        order: true,
        unit: true,
        polarity: true,
        measureType: true,
        decimals: true,
        active: true,
        section: { select: { name: true, order: true } },
        targets: { where: { fromMonth: { lte: month } }, select: { fromMonth: true, target: true, tolerance: true } },
      },
    }),
  ]);
  const rows: CatalogueRow[] = indicators.map(({ section, targets, ...i }) => {
    const inForce = targetInForce(targets, month);
    return {
      ...i,
      sectionName: section.name,
      sectionOrder: section.order,
      target: inForce?.target ?? null,
      tolerance: inForce?.tolerance ?? null,
    };
  });
  rows.sort(comparePackOrder);
  return { month, sections, rows };
}

/** Pack order: section order, then position in the section, then code (positions may tie). */
export function comparePackOrder(a: Pick<CatalogueRow, "sectionOrder" | "sectionName" | "order" | "code">, b: typeof a): number {
  return a.sectionOrder - b.sectionOrder || a.sectionName.localeCompare(b.sectionName) || a.order - b.order || a.code.localeCompare(b.code);
}

/** Sections in pack order, for choosing one in a form or filter. */
export async function listSectionOptions(actor: SessionUser | null | undefined): Promise<SectionOption[]> {
  assertCan(actor, "indicator.manage");
  return db.section.findMany({ orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}
