"use server";
// Form posts from the import preview: confirm it, or set it aside to upload a different file.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { confirmImport } from "@/lib/import/confirm-import";
import { discardImport } from "@/lib/import/discard-import";

export type ImportActionState = ActionResult<null> | null;

const batchInput = z.object({ batchId: z.uuid({ message: "Upload the file again" }) });

export async function confirmImportAction(_prev: ImportActionState, formData: FormData): Promise<ImportActionState> {
  const parsed = batchInput.safeParse({ batchId: formData.get("batchId") });
  if (!parsed.success) return invalid(parsed.error);
  let month: string;
  try {
    ({ month } = await confirmImport(await getCurrentUser(), parsed.data.batchId));
  } catch (e) {
    return failure(e);
  }
  revalidatePath(`/periods/${month}`, "layout");
  redirect(`/periods/${month}/import/${parsed.data.batchId}`);
}

export async function discardImportAction(_prev: ImportActionState, formData: FormData): Promise<ImportActionState> {
  const parsed = batchInput.safeParse({ batchId: formData.get("batchId") });
  if (!parsed.success) return invalid(parsed.error);
  let month: string;
  try {
    ({ month } = await discardImport(await getCurrentUser(), parsed.data.batchId));
  } catch (e) {
    return failure(e);
  }
  redirect(`/periods/${month}/import`);
}
