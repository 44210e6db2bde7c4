// What the add and edit indicator forms may send, parsed into the catalogue's terms. Rules that need
// the database (a unique code, a section that exists) are checked by the domain functions.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { MEASURE_TYPES, POLARITIES, UNITS } from "@/lib/catalogue/indicator-labels";
import { isTicked } from "@/lib/catalogue/form-values";

export const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
export const MAX_CODE_LENGTH = 40;

const required = (label: string, max: number) =>
  text(capitalise(label), { error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

const optionalText = (label: string, max: number) =>
  text(capitalise(label))
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .optional()
    .transform((s) => (s ? s : null));

function capitalise(label: string) {
  const bare = label.replace(/^(a|an|the) /, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export const codeInput = z
  .string({ error: "Enter a code" })
  .trim()
  .min(1, "Enter a code")
  .max(MAX_CODE_LENGTH, `The code must be ${MAX_CODE_LENGTH} characters or fewer`)
  .regex(CODE_PATTERN, "The code must be capital letters, numbers and single underscores, starting with a letter, like CP_PLANS");

const indicatorFields = {
  name: required("a name", 120),
  sectionId: z.guid({ error: "Select a section" }),
  definition: required("a definition", 2000),
  unit: z.enum(UNITS, { error: "Select the unit" }),
  polarity: z.enum(POLARITIES, { error: "Select which direction is better" }),
  measureType: z.enum(MEASURE_TYPES, { error: "Select how the monthly value is formed" }),
  decimals: z
    .string({ error: "Enter the number of decimal places" })
    .trim()
    .regex(/^[0-3]$/, "Decimal places must be 0, 1, 2 or 3")
    .transform(Number),
  suppressSmallNumbers: z.unknown().optional().transform(isTicked),
  active: z.unknown().optional().transform(isTicked),
  order: z
    .string()
    .trim()
    .regex(/^$|^[1-9]\d{0,2}$/, "Position in section must be a whole number from 1 to 999")
    .optional()
    .transform((s) => (s ? Number(s) : null)),
  timescale: optionalText("the timescale", 200),
  timescaleBasis: optionalText("the timescale basis", 200),
  dataSource: optionalText("the data source", 200),
};

type Fields = { unit: string; measureType: string; decimals: number };

/** Rules between fields: a count has no decimals, and some measure types imply a unit. */
function checkCombination(v: Fields, ctx: z.RefinementCtx) {
  if (v.unit === "COUNT" && v.decimals !== 0)
    ctx.addIssue({ code: "custom", path: ["decimals"], message: "A count is a whole number: decimal places must be 0" });
  if (v.measureType === "IN_MONTH_PERCENT" && v.unit !== "PERCENT")
    ctx.addIssue({ code: "custom", path: ["unit"], message: "An in-month percentage must have the unit Percentage" });
  if (v.measureType === "MONTHLY_COUNT" && v.unit !== "COUNT")
    ctx.addIssue({ code: "custom", path: ["unit"], message: "A monthly count must have the unit Count" });
}

export const expectedUpdatedAtInput = z.iso.datetime({ error: "The form is out of date: reload the page" }).transform((s) => new Date(s));

export const newIndicatorInput = z.object({ code: codeInput, ...indicatorFields }).superRefine(checkCombination);

export const indicatorChangeInput = z
  .object({ code: codeInput, expectedUpdatedAt: expectedUpdatedAtInput, ...indicatorFields })
  .superRefine(checkCombination);

export type NewIndicatorInput = z.infer<typeof newIndicatorInput>;
export type IndicatorChangeInput = z.infer<typeof indicatorChangeInput>;
export type IndicatorFields = Omit<NewIndicatorInput, "code">;
