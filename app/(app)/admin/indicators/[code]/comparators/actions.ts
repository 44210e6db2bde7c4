"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { failure, invalid } from "@/lib/action-result";
import { formValues, withValues, type FormResult } from "@/lib/catalogue/form-values";
import { comparatorChangeInput, comparatorRemovalInput, newComparatorInput } from "@/lib/catalogue/comparator-input";
import { addComparator } from "@/lib/catalogue/add-comparator";
import { updateComparator } from "@/lib/catalogue/update-comparator";
import { removeComparator } from "@/lib/catalogue/remove-comparator";

/** Parse, authorise, run one domain function, then back to the indicator with a success banner. */
async function run<S extends z.ZodType<{ code: string }>>(formData: FormData, schema: S, done: string, fn: (user: SessionUser, input: z.output<S>) => Promise<unknown>): Promise<FormResult> {
  const values = formValues(formData);
  let code: string;
  try {
    const user = await getCurrentUser();
    assertCan(user, "indicator.manage");
    const parsed = schema.safeParse(values);
    if (!parsed.success) return withValues(invalid(parsed.error), values);
    await fn(user, parsed.data);
    code = parsed.data.code;
  } catch (e) {
    revalidatePath("/admin/indicators", "layout");
    return withValues(failure(e), values);
  }
  revalidatePath("/admin/indicators", "layout");
  redirect(`/admin/indicators/${code}?done=${done}#comparators`);
}

export async function addComparatorAction(_prev: FormResult | null, formData: FormData) {
  return run(formData, newComparatorInput, "comparator-added", addComparator);
}

export async function updateComparatorAction(_prev: FormResult | null, formData: FormData) {
  return run(formData, comparatorChangeInput, "comparator-changed", updateComparator);
}

export async function removeComparatorAction(_prev: FormResult | null, formData: FormData) {
  return run(formData, comparatorRemovalInput, "comparator-removed", removeComparator);
}
