// What the recommendation forms send, parsed the same way by the server actions and the permission
// walk. Dates of agreed actions arrive as GOV.UK day, month and year boxes and leave as yyyy-mm-dd.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { parseDateParts } from "@/lib/audit/audit-filters";
import type { AgreedAction } from "@/lib/recommendations/transition-recommendation";

/** The rows the response form offers for the actions the executive agreed. */
export const ACTION_ROWS = 3;

/** Ticked checkboxes: several values under one name, or (from formValues) one comma-joined string. */
const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : (v ?? "").split(","))
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 500),
  );

export const recordRecommendationInput = z.object({
  month: z.string().optional().default(""),
  text: text("The recommendation").optional().default(""),
  addressedTo: text("Who it is addressed to").optional().default(""),
  indicatorCodes: ticked,
  sectionSlugs: ticked,
});

const optionalText = (field: string) => text(field).optional().default("");
const actionRowFields = Object.fromEntries(
  Array.from({ length: ACTION_ROWS }, (_, i) => i + 1).flatMap((n) => [
    [`action-${n}-description`, optionalText(`Action ${n}`)],
    [`action-${n}-owner`, optionalText(`Action ${n}'s owner`)],
    [`action-${n}-due-day`, z.string().optional().default("")],
    [`action-${n}-due-month`, z.string().optional().default("")],
    [`action-${n}-due-year`, z.string().optional().default("")],
  ]),
) as Record<string, z.ZodDefault<z.ZodOptional<z.ZodString>>>;

/** A day, month and year typed in boxes: yyyy-mm-dd when it is a real date, else what was typed (refused later, with the row's number). */
function dueDate(day: string, month: string, year: string): string {
  if (![day, month, year].some((s) => s.trim())) return "";
  const parsed = parseDateParts("Due date", day, month, year);
  return parsed.ok ? parsed.date : `${year.trim()}-${month.trim()}-${day.trim()}`;
}

/** The agreed actions from the rows: every row up to the last one with anything in it. */
function agreedActions(form: Record<string, string>): AgreedAction[] {
  const rows = Array.from({ length: ACTION_ROWS }, (_, i) => {
    const n = i + 1;
    const f = (k: string) => form[`action-${n}-${k}`] ?? "";
    return { description: f("description"), ownerName: f("owner"), dueDate: dueDate(f("due-day"), f("due-month"), f("due-year")) };
  });
  const filled = (a: AgreedAction) => Boolean(a.description.trim() || a.ownerName.trim() || a.dueDate);
  const last = rows.findLastIndex(filled);
  return rows.slice(0, last + 1);
}

export const recommendationStepInput = z
  .object({
    id: z.uuid("There is no such recommendation"),
    action: z.enum(["respond", "update", "implement", "close"], { message: "Choose what to do" }),
    expectedVersion: z.coerce.number().int().min(1),
    decision: z
      .enum(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", ""], { message: "Choose whether the recommendation was accepted" })
      .optional()
      .transform((d) => d || undefined),
    text: optionalText("The text"),
    ...actionRowFields,
  })
  .transform((v) => ({
    id: v.id,
    action: v.action,
    expectedVersion: v.expectedVersion,
    decision: v.decision,
    text: v.text,
    actions: v.action === "respond" ? agreedActions(v as unknown as Record<string, string>) : [],
  }));
