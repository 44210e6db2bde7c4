"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import { userVersionSchema } from "@/lib/users/user-input";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { unlockUser } from "@/lib/users/unlock-user";

export type UserChangeState = ActionResult | null;

type Change = (actor: Awaited<ReturnType<typeof getCurrentUser>>, input: { userId: string; expectedVersion: number }) => Promise<unknown>;

async function run(change: Change, done: string, form: FormData): Promise<UserChangeState> {
  const parsed = userVersionSchema.safeParse({ userId: form.get("userId"), expectedVersion: form.get("expectedVersion") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await change(await getCurrentUser(), parsed.data);
  } catch (e) {
    // A stale page: show the account as it is now, beside the message.
    if (isAppError(e) && e.code === "CONFLICT") refresh();
    return failure(e);
  }
  redirect(`/admin/users/${parsed.data.userId}?done=${done}`);
}

export async function reactivateUserAction(_prev: UserChangeState, form: FormData) {
  return run(reactivateUser, "reactivated", form);
}

export async function unlockUserAction(_prev: UserChangeState, form: FormData) {
  return run((actor, input) => unlockUser(actor, input), "unlocked", form);
}
