"use server";
// The council's DfE number and the indicator-to-measure links: parse, then one domain function each.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { setCouncilLaNumber } from "@/lib/national/council-setting";
import { linkIndicatorMeasure } from "@/lib/national/link-indicator-measure";

export type NationalActionState = ActionResult<null> | null;

const laInput = z.object({ laNumber: z.string().trim().regex(/^\d{3}$/, "Enter the council's three-digit DfE local authority number, for example 373"), borrowed: z.boolean() });

export async function setLaNumberAction(_prev: NationalActionState, formData: FormData): Promise<NationalActionState> {
  const parsed = laInput.safeParse({ laNumber: String(formData.get("laNumber") ?? ""), borrowed: formData.get("borrowed") === "yes" });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const saved = await setCouncilLaNumber(await getCurrentUser(), parsed.data);
    revalidatePath("/admin/national");
    return { ok: true, data: null, message: `Saved: ${saved.laNumber} ${saved.laName}` };
  } catch (e) {
    return failure(e);
  }
}

const linkInput = z.object({ indicatorId: z.uuid({ message: "Reload the page" }), measureCode: z.string().trim().max(100) });

export async function linkMeasureAction(_prev: NationalActionState, formData: FormData): Promise<NationalActionState> {
  const parsed = linkInput.safeParse({ indicatorId: formData.get("indicatorId"), measureCode: String(formData.get("measureCode") ?? "") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const saved = await linkIndicatorMeasure(await getCurrentUser(), { indicatorId: parsed.data.indicatorId, measureCode: parsed.data.measureCode || null });
    revalidatePath("/admin/national/links");
    return { ok: true, data: null, message: saved.measureCode ? `${saved.code} is now compared with ${saved.measureCode}` : `${saved.code} is no longer linked` };
  } catch (e) {
    return failure(e);
  }
}
