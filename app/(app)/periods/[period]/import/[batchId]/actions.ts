"use server";
// Form posts from the import preview: confirm it, or set it aside to upload a different file.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/define-action";
import { confirmImport } from "@/lib/import/confirm-import";
import { discardImport } from "@/lib/import/discard-import";

export type ImportActionState = ActionState;

const batchInput = z.object({ batchId: z.uuid({ message: "Upload the file again" }) });

export const confirmImportAction = formAction({
  schema: batchInput,
  permission: "value.import",
  run: (user, { batchId }) => confirmImport(user, batchId),
  done: ({ month }, { batchId }) => {
    revalidatePath(`/periods/${month}`, "layout");
    return { redirect: `/periods/${month}/import/${batchId}` };
  },
});

export const discardImportAction = formAction({
  schema: batchInput,
  permission: "value.import",
  run: (user, { batchId }) => discardImport(user, batchId),
  // A history import belongs to no month.
  done: ({ month }) => ({ redirect: month ? `/periods/${month}/import` : "/periods/history-import" }),
});
