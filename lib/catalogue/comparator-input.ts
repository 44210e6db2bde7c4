// A comparator: a published figure to set the council's own beside, such as England 2018-19.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { codeInput, expectedUpdatedAtInput } from "@/lib/catalogue/indicator-input";
import { requiredFigure } from "@/lib/catalogue/figure-input";

const optional = (label: string, max: number) =>
  text(label)
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((s) => (s ? s : null));

const comparatorFields = {
  code: codeInput,
  expectedUpdatedAt: expectedUpdatedAtInput,
  label: text("The comparator", { error: "Enter who the comparator describes" })
    .trim()
    .min(1, "Enter who the comparator describes, such as England")
    .max(80, "The comparator must be 80 characters or fewer"),
  periodLabel: text("The period", { error: "Enter the period it describes" })
    .trim()
    .min(1, "Enter the period it describes, such as 2018-19")
    .max(40, "The period must be 40 characters or fewer"),
  value: requiredFigure("Value"),
  source: optional("The source", 300),
  notes: optional("The notes", 1000),
};

export const newComparatorInput = z.object(comparatorFields);
export const comparatorChangeInput = z.object({ ...comparatorFields, id: z.guid({ error: "This comparator no longer exists" }) });
export const comparatorRemovalInput = z.object({
  code: codeInput,
  expectedUpdatedAt: expectedUpdatedAtInput,
  id: z.guid({ error: "This comparator no longer exists" }),
});

export type NewComparatorInput = z.infer<typeof newComparatorInput>;
export type ComparatorChangeInput = z.infer<typeof comparatorChangeInput>;
export type ComparatorRemovalInput = z.infer<typeof comparatorRemovalInput>;
