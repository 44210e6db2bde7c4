"use server";
// Form posts from the periods page: opening a month. The domain function checks who may do it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { openPeriod } from "@/lib/periods/open-period";
import { openPeriodInput } from "@/lib/periods/open-period-input";

export type OpenPeriodState = (ActionResult<null> & { values?: { month: string; panelMeetingDate: string } }) | null;

export async function openPeriodAction(_prev: OpenPeriodState, formData: FormData): Promise<OpenPeriodState> {
  const values = { month: String(formData.get("month") ?? ""), panelMeetingDate: String(formData.get("panelMeetingDate") ?? "") };
  const parsed = openPeriodInput.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  try {
    await openPeriod(await getCurrentUser(), parsed.data);
  } catch (e) {
    return { ...failure(e), values };
  }
  revalidatePath("/periods");
  redirect(`/periods/${parsed.data.month}?opened=1`);
}
