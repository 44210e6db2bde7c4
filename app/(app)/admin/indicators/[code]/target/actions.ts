"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { targetChangeInput } from "@/lib/catalogue/target-input";
import { changeIndicatorTarget } from "@/lib/catalogue/change-indicator-target";

export async function changeTargetAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  let done: { code: string; fromMonth: string };
  try {
    const user = await getCurrentUser();
    assertCan(user, "indicator.manage");
    const parsed = targetChangeInput.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    await changeIndicatorTarget(user, parsed.data);
    done = { code: parsed.data.code, fromMonth: parsed.data.fromMonth };
  } catch (e) {
    revalidatePath("/admin/indicators", "layout");
    return withValues(failure(e), values);
  }
  revalidatePath("/admin/indicators", "layout");
  redirect(`/admin/indicators/${done.code}?done=target&from=${done.fromMonth}#target`);
}
