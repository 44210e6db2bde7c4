"use server";
// Form posts from the section commentary page, and the editor's autosave.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { ActionResult } from "@/lib/action-result";
import { defineAction, formAction } from "@/lib/define-action";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";
import { monthSchema } from "@/lib/validation/month";
import { MAX_POSTED_TEXT, REVIEW_COMMENT_TOO_LONG, commentaryTooLong } from "@/lib/commentary/workflow";

const commentaryForm = z.object({
  month: monthSchema(),
  slug: text("The section").min(1).max(100),
  intent: z.enum(["save", "submit", "withdraw", "approve", "return", "reopen"], { message: "Choose what to do" }),
  expectedVersion: z.coerce.number().int().min(0),
  body: text("Commentary").max(MAX_POSTED_TEXT, commentaryTooLong()).optional(),
  comment: text("The comment").max(MAX_POSTED_TEXT, REVIEW_COMMENT_TOO_LONG).optional(),
});

const DONE: Record<string, string> = {
  save: "saved",
  submit: "submitted",
  withdraw: "withdrawn",
  approve: "approved",
  return: "returned",
  reopen: "reopened",
};

export const commentaryAction = formAction({
  schema: commentaryForm,
  // The domain function decides who may take which step (a section's owners, the director).
  permission: "commentary.view",
  signedOut: "Your session has ended. Sign in again: your text is still in the box, copy it first.",
  run: (user, { month, slug, intent, expectedVersion, comment, body }) =>
    // Returning, reopening or withdrawing never changes the text; only saves, submissions and approvals carry it.
    transitionCommentary(user, {
      month,
      slug,
      action: intent,
      expectedVersion,
      body: intent === "return" || intent === "reopen" || intent === "withdraw" ? undefined : body,
      comment,
    }),
  done: (_r, { month, slug, intent }) => ({ redirect: `/periods/${month}/sections/${slug}?done=${DONE[intent]}` }),
});

const autosaveInput = z.object({
  month: monthSchema(),
  slug: text("The section").min(1).max(100),
  expectedVersion: z.number().int().min(0),
  body: text("Commentary").max(MAX_POSTED_TEXT, commentaryTooLong()),
});

export const autosaveAction = defineAction({
  schema: autosaveInput,
  permission: "commentary.draft",
  signedOut: "Your session has ended: sign in again to keep saving",
  run: autosaveCommentary,
  done: (r) => ({ data: { version: r.version, savedAt: new Date(r.savedAt).toISOString() } }),
}) as (input: z.input<typeof autosaveInput>) => Promise<ActionResult<{ version: number; savedAt: string }>>;
