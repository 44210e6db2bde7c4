"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { targetChangeInput } from "@/lib/catalogue/target-input";
import { changeIndicatorTarget } from "@/lib/catalogue/change-indicator-target";

export const changeTargetAction = formAction({
  schema: targetChangeInput,
  permission: "indicator.manage",
  keepValues: true,
  run: changeIndicatorTarget,
  done: (_r, input) => {
    revalidatePath("/admin/indicators", "layout");
    return { redirect: `/admin/indicators/${input.code}?done=target&from=${input.fromMonth}#target` };
  },
  refused: () => revalidatePath("/admin/indicators", "layout"),
});
