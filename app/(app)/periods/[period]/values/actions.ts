"use server";
// Form posts from the value grid: one figure per post. The domain function re-reads who owns the
// section, so a forged post for someone else's indicator is refused there.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format/dates";
import { saveValue, ValueConflictError } from "@/lib/values/save-value";

const saveValueForm = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Reload the page and try again"),
  indicatorId: z.uuid("Reload the page and try again"),
  expectedRevision: z.coerce.number().int().min(0),
  value: z.string().max(100, "Enter a shorter value").optional(),
  notAvailable: z.enum(["on", "true"]).optional(),
  notAvailableReason: z.string().max(10_000, "Enter a shorter reason").optional(),
});

export type SaveValueState =
  | (ActionResult<{ revision: number; savedAt: string }> & { conflict?: { revision: number; description: string } })
  | null;

export async function saveValueAction(_prev: SaveValueState, formData: FormData): Promise<SaveValueState> {
  const parsed = saveValueForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { month, indicatorId, expectedRevision, value, notAvailable, notAvailableReason } = parsed.data;
  try {
    const saved = await saveValue(await getCurrentUser(), { month, indicatorId, expectedRevision, value, notAvailable: notAvailable !== undefined, notAvailableReason });
    revalidatePath(`/periods/${month}`, "layout");
    return { ok: true, data: { revision: saved.revision, savedAt: saved.updatedAt.toISOString() }, message: `Saved at ${formatDateTime(saved.updatedAt)}` };
  } catch (e) {
    if (e instanceof ValueConflictError) {
      // Show the editor what is stored now; their typed figure stays in the box.
      revalidatePath(`/periods/${month}`, "layout");
      const now = e.current;
      return {
        ...failure(e),
        conflict: now ? { revision: now.revision, description: `${now.updatedByName} saved ${now.display} at ${formatDateTime(now.updatedAt)}` } : undefined,
      };
    }
    return failure(e);
  }
}
