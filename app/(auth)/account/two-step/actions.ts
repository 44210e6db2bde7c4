"use server";
import { z } from "zod";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { formAction, type ActionState } from "@/lib/define-action";
import { AppError } from "@/lib/errors";
import { disableSecondFactor, enableSecondFactor } from "@/lib/users/second-factor";

export type TwoStepState = ActionState<{ recoveryCodes: string[] }>;
export type TwoStepOffState = ActionState;

const twoStepForm = z.object({ currentPassword: z.string().default(""), secret: z.string().default(""), code: z.string().default("") });
const twoStepOffForm = z.object({ currentPassword: z.string().default("") });

// Reads the session itself: someone made to set this up may not use the rest of the app yet.
const session = async () => {
  const account = await getUserChangingPassword();
  return account && { ...account.user, mustChangePassword: account.mustChangePassword };
};

export const enableSecondFactorAction = formAction({
  schema: twoStepForm,
  permission: "account.secondFactor",
  session,
  run: async ({ mustChangePassword, ...user }, input) => {
    if (mustChangePassword) throw new AppError("INVALID_TRANSITION", "Choose a new password first");
    return enableSecondFactor(user, input);
  },
  done: (data) => ({ data }),
});

export const disableSecondFactorAction = formAction({
  schema: twoStepOffForm,
  permission: "account.secondFactor",
  session,
  run: async ({ mustChangePassword, ...user }, input) => {
    if (mustChangePassword) throw new AppError("INVALID_TRANSITION", "Choose a new password first");
    return disableSecondFactor(user, input);
  },
  done: () => ({ redirect: "/account/two-step?off=1" }),
});
