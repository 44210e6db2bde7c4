"use server";
// Form posts from the value grid: one figure per post. The domain function re-reads who owns the
// section, so a forged post for someone else's indicator is refused there.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { formAction, type ActionState } from "@/lib/define-action";
import { formatDateTime } from "@/lib/format/dates";
import { saveValue, ValueConflictError } from "@/lib/values/save-value";
import { monthSchema } from "@/lib/validation/month";

const saveValueForm = z.object({
  month: monthSchema("Reload the page and try again"),
  indicatorId: z.uuid("Reload the page and try again"),
  expectedRevision: z.coerce.number().int().min(0),
  value: text("The value").max(100, "Enter a shorter value").optional(),
  notAvailable: z
    .enum(["on", "true"])
    .optional()
    .transform((v) => v !== undefined),
  notAvailableReason: text("The reason").max(10_000, "Enter a shorter reason").optional(),
});

type Conflict = { conflict?: { revision: number; description: string } };
export type SaveValueState = ActionState<{ revision: number; savedAt: string }, Conflict>;

export const saveValueAction = formAction({
  schema: saveValueForm,
  permission: "value.edit",
  run: saveValue,
  done: (saved, input) => {
    revalidatePath(`/periods/${input.month}`, "layout");
    return {
      data: { revision: saved.revision, savedAt: saved.updatedAt.toISOString() },
      message: `Saved at ${formatDateTime(saved.updatedAt)}`,
    };
  },
  refused: (e, input): Conflict | void => {
    if (!(e instanceof ValueConflictError)) return;
    // Show the editor what is stored now; their typed figure stays in the box.
    revalidatePath(`/periods/${input.month}`, "layout");
    const now = e.current;
    return {
      conflict: now
        ? { revision: now.revision, description: `${now.updatedByName} saved ${now.display} at ${formatDateTime(now.updatedAt)}` }
        : undefined,
    };
  },
});
