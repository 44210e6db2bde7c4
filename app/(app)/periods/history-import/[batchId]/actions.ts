"use server";
// Form posts from the history import preview: confirm every month at once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/define-action";
import { confirmHistoryImport } from "@/lib/import/history/confirm-history-import";

export type HistoryActionState = ActionState;

const batchInput = z.object({ batchId: z.uuid({ message: "Upload the file again" }) });

export const confirmHistoryImportAction = formAction({
  schema: batchInput,
  permission: "value.import",
  run: (user, { batchId }) => confirmHistoryImport(user, batchId),
  done: (_outcome, { batchId }) => {
    revalidatePath("/periods", "layout");
    return { redirect: `/periods/history-import/${batchId}` };
  },
});
