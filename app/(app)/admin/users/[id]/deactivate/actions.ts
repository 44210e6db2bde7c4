"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import { userVersionSchema } from "@/lib/users/user-input";
import { deactivateUser } from "@/lib/users/deactivate-user";
import type { UserChangeState } from "../actions";

export async function deactivateUserAction(_prev: UserChangeState, form: FormData): Promise<UserChangeState> {
  const parsed = userVersionSchema.safeParse({ userId: form.get("userId"), expectedVersion: form.get("expectedVersion") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await deactivateUser(await getCurrentUser(), parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") refresh();
    return failure(e);
  }
  redirect(`/admin/users/${parsed.data.userId}?done=deactivated`);
}
