"use server";
import { refresh } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import { userVersionSchema } from "@/lib/users/user-input";
import { resetUserPassword } from "@/lib/users/reset-user-password";

export type ResetPasswordState = ActionResult<{ password: string }> | null;

export async function resetPasswordAction(_prev: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const parsed = userVersionSchema.safeParse({ userId: form.get("userId"), expectedVersion: form.get("expectedVersion") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { password } = await resetUserPassword(await getCurrentUser(), parsed.data);
    return { ok: true, data: { password } };
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") refresh();
    return failure(e);
  }
}
