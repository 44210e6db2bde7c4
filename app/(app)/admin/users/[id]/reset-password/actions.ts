"use server";
import { formAction, refreshOnConflict, type ActionState } from "@/lib/define-action";
import { userVersionSchema } from "@/lib/users/user-input";
import { resetUserPassword } from "@/lib/users/reset-user-password";

export type ResetPasswordState = ActionState<{ password: string }>;

export const resetPasswordAction = formAction({
  schema: userVersionSchema,
  permission: "user.manage",
  refused: refreshOnConflict,
  run: resetUserPassword,
  done: ({ password }) => ({ data: { password } }),
});
