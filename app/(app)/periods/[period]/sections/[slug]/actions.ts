"use server";
// Form posts from the section commentary page. Each parses its input and calls one domain function;
// the domain function checks who may do what.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";

const commentaryForm = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  slug: z.string().min(1).max(100),
  intent: z.enum(["save", "submit", "approve", "return", "reopen"], { message: "Choose what to do" }),
  expectedVersion: z.coerce.number().int().min(0),
  body: z.string().max(100_000, "Commentary must be 20,000 characters or fewer").optional(),
  comment: z.string().max(20_000, "The comment must be 5,000 characters or fewer").optional(),
});

const DONE: Record<string, string> = { save: "saved", submit: "submitted", approve: "approved", return: "returned", reopen: "reopened" };

export async function commentaryAction(_prev: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const parsed = commentaryForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { month, slug, intent, expectedVersion, comment } = parsed.data;
  // Returning or reopening never changes the text; only saves, submissions and approvals carry it.
  const body = intent === "return" || intent === "reopen" ? undefined : parsed.data.body;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again: your text is still in the box, copy it first.");
    await transitionCommentary(user, { month, slug, action: intent, expectedVersion, body, comment });
  } catch (e) {
    return failure(e);
  }
  redirect(`/periods/${month}/sections/${slug}?done=${DONE[intent]}`);
}

const autosaveInput = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), slug: z.string().min(1).max(100), expectedVersion: z.number().int().min(0), body: z.string().max(100_000) });

export async function autosaveAction(input: z.infer<typeof autosaveInput>): Promise<ActionResult<{ version: number; savedAt: string }>> {
  const parsed = autosaveInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended: sign in again to keep saving");
    const r = await autosaveCommentary(user, parsed.data);
    return { ok: true, data: { version: r.version, savedAt: new Date(r.savedAt).toISOString() } };
  } catch (e) {
    return failure(e);
  }
}
