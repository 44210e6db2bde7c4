"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { newSectionInput } from "@/lib/sections/section-input";
import { createSection } from "@/lib/sections/create-section";

export async function createSectionAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  let slug: string;
  try {
    const user = await getCurrentUser();
    assertCan(user, "section.manage");
    const parsed = newSectionInput.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    slug = (await createSection(user, parsed.data)).slug;
  } catch (e) {
    return withValues(failure(e), values);
  }
  revalidatePath("/admin/sections");
  redirect(`/admin/sections/${slug}?done=added`);
}
