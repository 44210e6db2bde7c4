"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { indicatorChangeInput } from "@/lib/catalogue/indicator-input";
import { updateIndicator } from "@/lib/catalogue/update-indicator";

export const updateIndicatorAction = formAction({
  schema: indicatorChangeInput,
  permission: "indicator.manage",
  keepValues: true,
  run: updateIndicator,
  done: ({ changed }) => {
    revalidatePath("/admin/indicators", "layout");
    return { data: undefined, message: changed.length ? "Details saved" : "Nothing to save: the details were already these", values: {} };
  },
  // Reload what is saved now, so a conflict shows the other person's values beside these.
  refused: () => revalidatePath("/admin/indicators", "layout"),
});
