// Rows the catalogue and section tests need, with unique names. Only tests import this.
import { db } from "@/lib/db";
import { unique } from "@/test/factories";
import type { NewIndicatorInput } from "@/lib/catalogue/indicator-input";

export const uniqueCode = (prefix = "T") => `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

export async function createTestSection(name = unique("Section")) {
  const { _max } = await db.section.aggregate({ _max: { order: true } });
  return db.section.create({ data: { name, slug: unique("section").toLowerCase(), order: (_max.order ?? 0) + 1 } });
}

export function indicatorInput(sectionId: string, overrides: Partial<NewIndicatorInput> = {}): NewIndicatorInput {
  return {
    code: uniqueCode(),
    name: "Assessments in 45 working days",
    sectionId,
    definition: "Assessments completed in the month within 45 working days.",
    unit: "PERCENT",
    polarity: "HIGHER_IS_BETTER",
    measureType: "IN_MONTH_PERCENT",
    decimals: 1,
    suppressSmallNumbers: false,
    active: true,
    order: null,
    timescale: null,
    timescaleBasis: null,
    dataSource: null,
    ...overrides,
  };
}

/** Form-shaped fields (all strings) for the zod parsers. */
export function indicatorForm(sectionId: string, overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    code: "ASSESS_45WD_PCT",
    name: "Assessments in 45 working days",
    sectionId,
    definition: "Assessments completed within 45 working days.",
    unit: "PERCENT",
    polarity: "HIGHER_IS_BETTER",
    measureType: "IN_MONTH_PERCENT",
    decimals: "1",
    active: "on",
    order: "",
    ...overrides,
  };
}
