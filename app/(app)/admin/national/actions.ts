"use server";
// The council's DfE number and the indicator-to-measure links: parse, then one domain function each.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/define-action";
import { formText } from "@/lib/action-result";
import { setCouncilLaNumber } from "@/lib/national/council-setting";
import { linkIndicatorMeasure } from "@/lib/national/link-indicator-measure";

export type NationalActionState = ActionState<null>;

const laInput = z.object({
  laNumber: z
    .string()
    .trim()
    .regex(/^\d{3}$/, "Enter the council's three-digit DfE local authority number, for example 373"),
  borrowed: z.boolean(),
});

export const setLaNumberAction = formAction({
  schema: laInput,
  permission: "national.manage",
  read: (form) => ({ laNumber: formText(form, "laNumber"), borrowed: form.get("borrowed") === "yes" }),
  run: (user, input) => setCouncilLaNumber(user, input),
  done: (saved) => {
    revalidatePath("/admin/national");
    return { data: null, message: `Saved: ${saved.laNumber} ${saved.laName}` };
  },
});

const linkInput = z.object({ indicatorId: z.uuid({ message: "Reload the page" }), measureCode: z.string().trim().max(100) });

export const linkMeasureAction = formAction({
  schema: linkInput,
  permission: "national.manage",
  run: (user, input) => linkIndicatorMeasure(user, { indicatorId: input.indicatorId, measureCode: input.measureCode || null }),
  done: (saved) => {
    revalidatePath("/admin/national/links");
    return {
      data: null,
      message: saved.measureCode ? `${saved.code} is now compared with ${saved.measureCode}` : `${saved.code} is no longer linked`,
    };
  },
});
