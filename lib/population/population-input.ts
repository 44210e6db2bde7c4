// What the child population form may send, and the rules a year's figure keeps however it arrives:
// the form's text ("50,000") is parsed into numbers, then the same checks as a direct call.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const FIRST_POPULATION_YEAR = 1990;
export const LAST_POPULATION_YEAR = 2100;
export const MAX_POPULATION = 10_000_000;
export const MAX_SOURCE_LENGTH = 200;

const YEAR_RANGE = `The year must be from ${FIRST_POPULATION_YEAR} to ${LAST_POPULATION_YEAR}`;
const ENTER_COUNT = "Enter the number of children aged 0 to 17, for example 50,000";
const WHOLE_COUNT = "The number of children must be a whole number, for example 50,000";
const POSITIVE_COUNT = "The number of children must be more than 0";
const MAX_COUNT = `The number of children must be ${MAX_POPULATION.toLocaleString("en-GB")} or fewer`;
const SOURCE_LENGTH = `The source must be ${MAX_SOURCE_LENGTH} characters or fewer`;

/** The figures as stored: checked again by the domain function, so a direct call keeps the rules too. */
export const childPopulationFigures = z.object({
  year: z
    .number({ error: "Enter the year, for example 2019" })
    .int(YEAR_RANGE)
    .min(FIRST_POPULATION_YEAR, YEAR_RANGE)
    .max(LAST_POPULATION_YEAR, YEAR_RANGE),
  count: z.number({ error: ENTER_COUNT }).int(WHOLE_COUNT).min(1, POSITIVE_COUNT).max(MAX_POPULATION, MAX_COUNT),
  source: z.string().max(MAX_SOURCE_LENGTH, SOURCE_LENGTH).nullable(),
});

export type ChildPopulationFigures = z.infer<typeof childPopulationFigures>;

const yearText = text("The year", { error: "Enter the year, for example 2019" })
  .trim()
  .min(1, "Enter the year, for example 2019")
  .regex(/^\d{4}$/, "Enter the year as 4 digits, for example 2019")
  .transform(Number)
  .pipe(childPopulationFigures.shape.year);

/** "50,000", "50000" or "50 000"; commas only between groups of three digits. */
const countText = text("The number of children", { error: ENTER_COUNT })
  .trim()
  .min(1, ENTER_COUNT)
  .transform((s, ctx) => {
    const digits = s.replace(/[\s\u00a0]/g, "");
    if (!/^\d+$/.test(digits) && !/^\d{1,3}(,\d{3})+$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: digits.startsWith("-") ? POSITIVE_COUNT : WHOLE_COUNT });
      return z.NEVER;
    }
    // More digits than any allowed figure: said as too many, not passed to Number (which would round).
    const plain = digits.replace(/,/g, "").replace(/^0+(?=\d)/, "");
    if (plain.length > String(MAX_POPULATION).length) {
      ctx.addIssue({ code: "custom", message: MAX_COUNT });
      return z.NEVER;
    }
    return Number(plain);
  })
  .pipe(childPopulationFigures.shape.count);

const sourceText = text("The source")
  .trim()
  .transform((s) => s.replace(/\s+/g, " "))
  .pipe(z.string().max(MAX_SOURCE_LENGTH, SOURCE_LENGTH))
  .optional()
  .transform((s) => (s ? s : null));

export const childPopulationInput = z.object({ year: yearText, count: countText, source: sourceText });

/** Removing a year's figure: the year comes from the page itself. */
export const childPopulationRemovalInput = z.object({
  year: z
    .string({ error: "Reload the page and try again" })
    .trim()
    .regex(/^\d{4}$/, "Reload the page and try again")
    .transform(Number),
});

export type ChildPopulationInput = z.infer<typeof childPopulationInput>;
export type ChildPopulationRemovalInput = z.infer<typeof childPopulationRemovalInput>;
