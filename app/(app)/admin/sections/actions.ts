"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { sectionMoveInput } from "@/lib/sections/section-input";
import { moveSection } from "@/lib/sections/move-section";

export async function moveSectionAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  try {
    const user = await getCurrentUser();
    assertCan(user, "section.manage");
    const parsed = sectionMoveInput.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    const moved = await moveSection(user, parsed.data);
    revalidatePath("/admin/sections");
    return withValues({ ok: true, data: undefined, message: `${moved.name} moved to position ${moved.position} of ${moved.count}` }, values);
  } catch (e) {
    revalidatePath("/admin/sections");
    return withValues(failure(e), values);
  }
}
