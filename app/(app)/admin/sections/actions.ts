"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { sectionMoveInput } from "@/lib/sections/section-input";
import { moveSection } from "@/lib/sections/move-section";

export const moveSectionAction = formAction({
  schema: sectionMoveInput,
  permission: "section.manage",
  keepValues: true,
  run: moveSection,
  done: (moved) => {
    revalidatePath("/admin/sections");
    return { data: undefined, message: `${moved.name} moved to position ${moved.position} of ${moved.count}` };
  },
  refused: () => revalidatePath("/admin/sections"),
});
