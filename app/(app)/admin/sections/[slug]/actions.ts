"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { sectionOwnersInput, sectionRenameInput } from "@/lib/sections/section-input";
import { renameSection } from "@/lib/sections/rename-section";
import { setSectionOwners } from "@/lib/sections/set-section-owners";

export async function renameSectionAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  try {
    const user = await getCurrentUser();
    assertCan(user, "section.manage");
    const parsed = sectionRenameInput.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    const renamed = await renameSection(user, parsed.data);
    revalidatePath("/admin", "layout");
    return withValues({ ok: true, data: undefined, message: `Section renamed to ${renamed.name}` }, {});
  } catch (e) {
    revalidatePath("/admin/sections", "layout");
    return withValues(failure(e), values);
  }
}

export async function setSectionOwnersAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  try {
    const user = await getCurrentUser();
    assertCan(user, "section.manage");
    const parsed = sectionOwnersInput.safeParse({ ...values, ownerIds: formData.getAll("ownerIds").filter((v) => typeof v === "string") });
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    const { added, removed, owners } = await setSectionOwners(user, parsed.data);
    revalidatePath("/admin/sections", "layout");
    const who = owners.length ? `Owners: ${listNames(owners)}` : "This section has no owner";
    const message = added.length || removed.length ? `Owners saved. ${who}` : `Nothing to save. ${who}`;
    return withValues({ ok: true, data: undefined, message }, {});
  } catch (e) {
    revalidatePath("/admin/sections", "layout");
    return withValues(failure(e), values);
  }
}

function listNames(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
