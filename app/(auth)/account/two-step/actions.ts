"use server";
import { z } from "zod";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { formAction, type ActionState } from "@/lib/define-action";
import { AppError } from "@/lib/errors";
import { enableSecondFactor } from "@/lib/users/second-factor";

export type TwoStepState = ActionState<{ recoveryCodes: string[] }>;

const twoStepForm = z.object({ secret: z.string().default(""), code: z.string().default("") });

export const enableSecondFactorAction = formAction({
  schema: twoStepForm,
  permission: "account.secondFactor",
  // Reads the session itself: someone made to set this up may not use the rest of the app yet.
  session: async () => {
    const account = await getUserChangingPassword();
    return account && { ...account.user, mustChangePassword: account.mustChangePassword };
  },
  run: async ({ mustChangePassword, ...user }, input) => {
    if (mustChangePassword) throw new AppError("INVALID_TRANSITION", "Choose a new password first");
    return enableSecondFactor(user, input);
  },
  done: (data) => ({ data }),
});
