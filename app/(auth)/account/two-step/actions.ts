"use server";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { failure, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { enableSecondFactor } from "@/lib/users/second-factor";

export type TwoStepState = ActionResult<{ recoveryCodes: string[] }> | null;

export async function enableSecondFactorAction(_prev: TwoStepState, form: FormData): Promise<TwoStepState> {
  // Reads the session itself: someone made to set this up may not use the rest of the app yet.
  const account = await getUserChangingPassword();
  const text = (name: string) => { const v = form.get(name); return typeof v === "string" ? v : ""; };
  try {
    if (account?.mustChangePassword) throw new AppError("INVALID_TRANSITION", "Choose a new password first");
    return { ok: true, data: await enableSecondFactor(account?.user ?? null, { secret: text("secret"), code: text("code") }) };
  } catch (e) {
    return failure(e);
  }
}
