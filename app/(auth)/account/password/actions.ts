"use server";
import { z } from "zod";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { formAction, type ActionState } from "@/lib/define-action";
import { changeOwnPassword } from "@/lib/users/change-own-password";

export type ChangePasswordState = ActionState;

const passwordForm = z.object({
  currentPassword: z.string().default(""),
  newPassword: z.string().default(""),
  confirmPassword: z.string().default(""),
});

export const changePasswordAction = formAction({
  schema: passwordForm,
  permission: "account.changeOwnPassword",
  // The one action someone who must choose a new password may use, so it reads the session itself.
  session: async () => {
    const account = await getUserChangingPassword();
    return account && { ...account.user, sessionId: account.sessionId };
  },
  run: ({ sessionId, ...user }, input) => changeOwnPassword(user, sessionId, input),
  done: ({ forced }) => ({ redirect: forced ? "/" : "/account/password?done=1" }),
});
