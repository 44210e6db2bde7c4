// A question's answer as data: which step moves it from which states to which, and who may take it.
// transition-question.ts is the one function that applies it; question-workflow.test.ts walks it.
import type { QuestionStatus } from "@/lib/generated/prisma/enums";

export type QuestionAction = "save" | "submit" | "approve" | "return" | "answer";
/**
 * "answerer": a section's service leads for a question about it (or one of its indicators); the
 * director for a question about the whole pack. "reviewer": the director. A director answering a
 * pack-wide question is both, and may approve their own answer as they give it ("answer").
 */
export type QuestionActor = "answerer" | "reviewer" | "answering-reviewer";

type Transition = { from: readonly QuestionStatus[]; to: QuestionStatus; by: QuestionActor };

export const QUESTION_TRANSITIONS: Record<QuestionAction, Transition> = {
  save: { from: ["ASKED", "DRAFT", "RETURNED"], to: "DRAFT", by: "answerer" },
  submit: { from: ["ASKED", "DRAFT", "RETURNED"], to: "SUBMITTED", by: "answerer" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", by: "reviewer" },
  return: { from: ["SUBMITTED"], to: "RETURNED", by: "reviewer" },
  answer: { from: ["ASKED", "DRAFT", "RETURNED"], to: "APPROVED", by: "answering-reviewer" },
};

export const QUESTION_STATES: readonly QuestionStatus[] = ["ASKED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED"];
export const QUESTION_ACTIONS = Object.keys(QUESTION_TRANSITIONS) as QuestionAction[];

export const QUESTION_STATE_LABEL: Record<QuestionStatus, string> = {
  ASKED: "Not answered yet",
  DRAFT: "Answer in draft",
  SUBMITTED: "Answer waiting for approval",
  RETURNED: "Answer returned",
  APPROVED: "Answered",
};

/** GOV.UK tag colours; the words carry the meaning. */
export const QUESTION_TAG_CLASS: Record<QuestionStatus, string> = {
  ASKED: "govuk-tag--grey",
  DRAFT: "",
  SUBMITTED: "govuk-tag--purple",
  RETURNED: "govuk-tag--orange",
  APPROVED: "govuk-tag--green",
};

const ACTION_WORDS: Record<QuestionAction, string> = {
  save: "save a draft answer to",
  submit: "send for approval the answer to",
  approve: "approve the answer to",
  return: "return the answer to",
  answer: "answer",
};

export type QuestionPlan = { ok: true; to: QuestionStatus } | { ok: false; reason: "NOT_ALLOWED" | "WRONG_STATE"; message: string };

/** Pure: what happens when someone who is each of `actors` takes `action` on a question in `state`. */
export function planQuestionStep(state: QuestionStatus, action: QuestionAction, actors: ReadonlySet<QuestionActor>): QuestionPlan {
  const t = QUESTION_TRANSITIONS[action];
  if (!t || !actors.has(t.by))
    return { ok: false, reason: "NOT_ALLOWED", message: `You cannot ${ACTION_WORDS[action] ?? action} this question` };
  if (!t.from.includes(state)) {
    return {
      ok: false,
      reason: "WRONG_STATE",
      message: `You cannot ${ACTION_WORDS[action]} a question whose answer is ${QUESTION_STATE_LABEL[state].toLowerCase()}`,
    };
  }
  return { ok: true, to: t.to };
}

/** Who someone is to a question: from their role, whether they own its section, and whether it is pack-wide. */
export function questionActors(q: { packWide: boolean; ownsSection: boolean; role: string }): Set<QuestionActor> {
  const actors = new Set<QuestionActor>();
  if (q.role === "DIRECTOR") {
    actors.add("reviewer");
    if (q.packWide) actors.add("answerer").add("answering-reviewer");
  }
  if (q.role === "SERVICE_LEAD" && q.ownsSection && !q.packWide) actors.add("answerer");
  return actors;
}

export const MAX_QUESTION_LENGTH = 2_000;
export const MAX_ANSWER_LENGTH = 5_000;
export const MAX_RETURN_COMMENT_LENGTH = 2_000;
