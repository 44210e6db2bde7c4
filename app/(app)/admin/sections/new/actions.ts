"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { newSectionInput } from "@/lib/sections/section-input";
import { createSection } from "@/lib/sections/create-section";

export const createSectionAction = formAction({
  schema: newSectionInput,
  permission: "section.manage",
  keepValues: true,
  run: createSection,
  done: ({ slug }) => {
    revalidatePath("/admin/sections");
    return { redirect: `/admin/sections/${slug}?done=added` };
  },
});
