"use server";
import { redirect } from "next/navigation";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { failure, type ActionResult } from "@/lib/action-result";
import { changeOwnPassword } from "@/lib/users/change-own-password";

export type ChangePasswordState = ActionResult | null;

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function changePasswordAction(_prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  // The one action someone who must choose a new password may use, so it reads the session itself.
  const account = await getUserChangingPassword();
  let forced: boolean;
  try {
    ({ forced } = await changeOwnPassword(account?.user ?? null, account?.sessionId ?? null, {
      currentPassword: text(form, "currentPassword"), newPassword: text(form, "newPassword"), confirmPassword: text(form, "confirmPassword"),
    }));
  } catch (e) {
    return failure(e);
  }
  redirect(forced ? "/" : "/account/password?done=1");
}
