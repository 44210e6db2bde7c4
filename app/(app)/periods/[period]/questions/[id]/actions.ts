"use server";
// The steps on a question's answer from its staff page: save, send for approval, approve, return,
// or (the director, on a pack-wide question) answer and approve at once. transitionQuestion decides
// who may take which step; a refused step keeps the typed text.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { formAction } from "@/lib/define-action";
import { monthSchema } from "@/lib/validation/month";
import { transitionQuestion } from "@/lib/questions/transition-question";
import { MAX_ANSWER_LENGTH } from "@/lib/questions/question-workflow";

// Far past the limits only: transitionQuestion says how long the text is, in the count's words.
const MAX_POSTED = MAX_ANSWER_LENGTH * 20;

const questionStepForm = z.object({
  id: z.uuid("Reload the page and try again"),
  month: monthSchema("Reload the page and try again"),
  intent: z.enum(["save", "submit", "approve", "return", "answer"], { message: "Choose what to do" }),
  expectedVersion: z.coerce.number().int().min(0),
  answer: text("The answer").max(MAX_POSTED, "The answer is far too long").optional(),
  comment: text("The comment").max(MAX_POSTED, "The comment is far too long").optional(),
});

export const questionStepAction = formAction({
  schema: questionStepForm,
  permission: ({ intent }) => (intent === "approve" || intent === "return" ? "question.review" : "question.answer"),
  keepValues: true,
  signedOut: "Your session has ended. Sign in again: your text is still in the box, copy it first.",
  run: (user, { id, intent, expectedVersion, answer, comment }) =>
    transitionQuestion(user, {
      id,
      action: intent,
      expectedVersion,
      answer: intent === "approve" || intent === "return" ? undefined : answer,
      comment: intent === "approve" || intent === "return" ? comment : undefined,
    }),
  done: (r, { intent }) => ({ redirect: `/periods/${r.month}/questions/${r.id}?done=${intent}` }),
});
