"use server";
// The meeting calendar form: a list of dates or an .ics file. The domain function checks who may.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { formAction, type ActionState } from "@/lib/define-action";
import { formText } from "@/lib/action-result";
import { planMeetings } from "@/lib/calendar/plan-meetings";

export type PlanState = ActionState;

const MAX_FILE_BYTES = 1_000_000;

const planForm = z.object({
  dates: text("The dates").max(100_000, "Enter at most a year of panel dates"),
  // An uploaded .ics file is used instead of the dates when there is one.
  file: z
    .instanceof(File)
    .nullable()
    .transform((f) => (f && f.size > 0 ? f : null))
    .refine((f) => !f || f.size <= MAX_FILE_BYTES, "The file is over 1 MB: a year of panel dates is a few kilobytes"),
});

export const planMeetingsAction = formAction({
  schema: planForm,
  permission: "period.open",
  keepValues: true,
  read: (form) => ({ dates: formText(form, "dates"), file: form.get("file") instanceof File ? form.get("file") : null }),
  run: async (user, input) =>
    planMeetings(
      user,
      input.file
        ? { source: "ics", fileName: input.file.name.slice(0, 100), text: await input.file.text() }
        : { source: "list", text: input.dates },
    ),
  done: (r) => {
    revalidatePath("/periods");
    return { redirect: `/periods/calendar?created=${r.created.length}&moved=${r.moved.length}&unchanged=${r.unchanged.length}` };
  },
});
