"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { indicatorChangeInput } from "@/lib/catalogue/indicator-input";
import { updateIndicator } from "@/lib/catalogue/update-indicator";

export async function updateIndicatorAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  try {
    const user = await getCurrentUser();
    assertCan(user, "indicator.manage");
    const parsed = indicatorChangeInput.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    const { changed } = await updateIndicator(user, parsed.data);
    revalidatePath("/admin/indicators", "layout");
    return withValues({ ok: true, data: undefined, message: changed.length ? "Details saved" : "Nothing to save: the details were already these" }, {});
  } catch (e) {
    // Reload what is saved now, so a conflict shows the other person's values beside these.
    revalidatePath("/admin/indicators", "layout");
    return withValues(failure(e), values);
  }
}
