"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { newIndicatorInput } from "@/lib/catalogue/indicator-input";
import { createIndicator } from "@/lib/catalogue/create-indicator";

export const createIndicatorAction = formAction({
  schema: newIndicatorInput,
  permission: "indicator.manage",
  keepValues: true,
  run: createIndicator,
  done: ({ code }) => {
    revalidatePath("/admin/indicators");
    return { redirect: `/admin/indicators/${code}?done=added` };
  },
});
