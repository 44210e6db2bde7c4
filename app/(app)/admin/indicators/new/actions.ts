"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { newIndicatorInput } from "@/lib/catalogue/indicator-input";
import { createIndicator } from "@/lib/catalogue/create-indicator";

export async function createIndicatorAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  let code: string;
  try {
    const user = await getCurrentUser();
    assertCan(user, "indicator.manage");
    const parsed = newIndicatorInput.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    code = (await createIndicator(user, parsed.data)).code;
  } catch (e) {
    return withValues(failure(e), values);
  }
  revalidatePath("/admin/indicators");
  redirect(`/admin/indicators/${code}?done=added`);
}
