"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import { roleSchema, userVersionSchema } from "@/lib/users/user-input";
import { changeUserRole } from "@/lib/users/change-user-role";

const changeRoleSchema = userVersionSchema.extend({ role: roleSchema });

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult | null> {
  const parsed = changeRoleSchema.safeParse({ userId: form.get("userId"), expectedVersion: form.get("expectedVersion"), role: form.get("role") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changeUserRole(await getCurrentUser(), parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") refresh();
    return failure(e);
  }
  redirect(`/admin/users/${parsed.data.userId}?done=role`);
}
