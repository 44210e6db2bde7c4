// The commentary workflow as data: which action moves a section from which states to which, and
// who may take it. transition-commentary.ts is the one function that applies it.
import type { CommentaryStatus } from "@/lib/generated/prisma/enums";

/** A section with no Commentary row has not been started. */
export type CommentaryState = CommentaryStatus | "NOT_STARTED";
export type CommentaryAction = "save" | "submit" | "withdraw" | "approve" | "return" | "reopen";
/** "owner": the section's service leads and administrators. "reviewer": the director. */
export type Actor = "owner" | "reviewer";

type Transition = { from: readonly CommentaryState[]; to: CommentaryStatus | "SAME"; by: Actor };

export const TRANSITIONS: Record<CommentaryAction, Transition> = {
  save: { from: ["NOT_STARTED", "DRAFT", "RETURNED"], to: "SAME", by: "owner" },
  submit: { from: ["NOT_STARTED", "DRAFT", "RETURNED"], to: "SUBMITTED", by: "owner" },
  // Until the director approves or returns it, the lead may take a submission back to work on it.
  withdraw: { from: ["SUBMITTED"], to: "DRAFT", by: "owner" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", by: "reviewer" },
  return: { from: ["SUBMITTED"], to: "RETURNED", by: "reviewer" },
  reopen: { from: ["APPROVED"], to: "RETURNED", by: "reviewer" },
};

export const STATES: readonly CommentaryState[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED"];
export const COMMENTARY_ACTIONS = Object.keys(TRANSITIONS) as CommentaryAction[];

export const STATE_LABEL: Record<CommentaryState, string> = {
  NOT_STARTED: "Not started",
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  RETURNED: "Returned",
  APPROVED: "Approved",
};

/** GOV.UK tag colour modifiers; the words always carry the meaning. */
export const STATE_TAG_CLASS: Record<CommentaryState, string> = {
  NOT_STARTED: "govuk-tag--grey",
  DRAFT: "",
  SUBMITTED: "govuk-tag--purple",
  RETURNED: "govuk-tag--orange",
  APPROVED: "govuk-tag--green",
};

const ACTION_WORDS: Record<CommentaryAction, string> = {
  save: "save a draft of",
  submit: "submit",
  withdraw: "withdraw",
  approve: "approve",
  return: "return",
  reopen: "reopen",
};

export type Plan = { ok: true; to: CommentaryStatus } | { ok: false; reason: "NOT_ALLOWED" | "WRONG_STATE"; message: string };

/** Pure: what happens when `actor` takes `action` on a section in `state`. */
export function planTransition(state: CommentaryState, action: CommentaryAction, actor: Actor | null): Plan {
  const t = TRANSITIONS[action];
  if (!t || !actor || t.by !== actor) {
    return { ok: false, reason: "NOT_ALLOWED", message: `You cannot ${ACTION_WORDS[action] ?? action} this section's commentary` };
  }
  if (!t.from.includes(state)) {
    return {
      ok: false,
      reason: "WRONG_STATE",
      message: `You cannot ${ACTION_WORDS[action]} commentary that is ${STATE_LABEL[state].toLowerCase()}`,
    };
  }
  const to = t.to === "SAME" ? (state === "NOT_STARTED" ? "DRAFT" : state) : t.to;
  return { ok: true, to };
}

export const MAX_COMMENTARY_LENGTH = 20_000;
export const MAX_REVIEW_COMMENT_LENGTH = 5_000;
/**
 * What a commentary form may post at most. Looser than the limits above: those are counted after
 * the text is normalised (line endings, spaces), so the domain function checks them and says so.
 */
export const MAX_POSTED_TEXT = 100_000;

const count = (n: number) => n.toLocaleString("en-GB");
export const commentaryTooLong = (length?: number) =>
  `Commentary must be ${count(MAX_COMMENTARY_LENGTH)} characters or fewer${length === undefined ? "" : ` (it has ${count(length)})`}`;
export const REVIEW_COMMENT_TOO_LONG = `The comment must be ${count(MAX_REVIEW_COMMENT_LENGTH)} characters or fewer`;
