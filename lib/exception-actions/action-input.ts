// What the action forms send, parsed the same way by the server action and the domain function.
// Each field that is wrong gets its own message, so the error summary links to each one.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { datePartsField, withDateParts } from "@/lib/validation/date-parts";
import { monthSchema } from "@/lib/validation/month";

export const MAX_ACTION_LENGTH = 2_000;
export const MAX_OWNER_LENGTH = 200;

// GOV.UK's date input: "dueDate-day", "dueDate-month" and "dueDate-year", or YYYY-MM-DD from a script.
const dueDate = datePartsField("date", "Due date");

/** For z.preprocess: the form's due date boxes become the one dueDate field. */
export const readDueDate = withDateParts(["dueDate"]);

export const actionFieldsInput = z.object({
  description: text("The action", { message: "Enter what will be done" })
    .trim()
    .min(1, "Enter what will be done")
    .max(MAX_ACTION_LENGTH, `What will be done must be ${MAX_ACTION_LENGTH.toLocaleString("en-GB")} characters or fewer`),
  ownerName: text("Owner", { message: "Enter who owns this action" })
    .trim()
    .min(1, "Enter who owns this action")
    .max(MAX_OWNER_LENGTH, `Owner must be ${MAX_OWNER_LENGTH} characters or fewer`),
  dueDate,
});

const month = monthSchema("Month must be like 2019-08");

export const recordActionFields = actionFieldsInput.extend({
  month,
  code: text("The indicator").trim().min(1, "Choose the indicator"),
});

export const recordActionInput = z.preprocess(readDueDate, recordActionFields);

export const changeActionInput = z.object({
  month,
  id: z.uuid("That action does not exist"),
  expectedVersion: z.coerce.number().int().min(1),
  change: z.enum(["edit", "complete", "drop", "reopen"], { message: "Choose what to do with the action" }),
  droppedReason: text("The reason")
    .trim()
    .max(MAX_ACTION_LENGTH, `The reason must be ${MAX_ACTION_LENGTH.toLocaleString("en-GB")} characters or fewer`)
    .optional(),
  fields: actionFieldsInput.optional(),
});

export type RecordActionInput = z.input<typeof recordActionFields> & Record<string, unknown>;
export type ChangeActionInput = z.input<typeof changeActionInput>;

/** zod issues to one message per form field ("fields.ownerName" is the ownerName field). */
export function actionFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
