"use server";
// Form posts from the periods page: opening a month.
import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/define-action";
import { openPeriod } from "@/lib/periods/open-period";
import { openPeriodInput } from "@/lib/periods/open-period-input";

export type OpenPeriodState = ActionState;

export const openPeriodAction = formAction({
  schema: openPeriodInput,
  permission: "period.open",
  keepValues: true,
  run: openPeriod,
  done: (period) => {
    revalidatePath("/periods");
    return { redirect: `/periods/${period.month}?opened=1` };
  },
});
