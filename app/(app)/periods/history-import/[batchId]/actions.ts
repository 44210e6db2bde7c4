"use server";
// Form posts from the history import preview: confirm every month at once.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { confirmHistoryImport } from "@/lib/import/history/confirm-history-import";

export type HistoryActionState = ActionResult<null> | null;

const batchInput = z.object({ batchId: z.uuid({ message: "Upload the file again" }) });

export async function confirmHistoryImportAction(_prev: HistoryActionState, formData: FormData): Promise<HistoryActionState> {
  const parsed = batchInput.safeParse({ batchId: formData.get("batchId") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await confirmHistoryImport(await getCurrentUser(), parsed.data.batchId);
  } catch (e) {
    return failure(e);
  }
  revalidatePath("/periods", "layout");
  redirect(`/periods/history-import/${parsed.data.batchId}`);
}
