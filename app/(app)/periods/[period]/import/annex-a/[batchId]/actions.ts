"use server";
// Form post from the Annex A preview: confirm the computed figures (setting it aside is the import's own action).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/define-action";
import { confirmAnnexA } from "@/lib/annex-a/confirm-annex-a";

const batchInput = z.object({ batchId: z.uuid({ message: "Upload the lists again" }) });

export const confirmAnnexAAction = formAction({
  schema: batchInput,
  permission: "value.import",
  run: (user, { batchId }) => confirmAnnexA(user, batchId),
  done: ({ month }, { batchId }) => {
    revalidatePath(`/periods/${month}`, "layout");
    return { redirect: `/periods/${month}/import/annex-a/${batchId}` };
  },
});
