"use server";
// A panel member's question about a month's published pack: parse, then askQuestion.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { formAction } from "@/lib/define-action";
import { monthSchema } from "@/lib/validation/month";
import { AppError } from "@/lib/errors";
import { askQuestion, parseAbout } from "@/lib/questions/ask-question";
import { MAX_QUESTION_LENGTH } from "@/lib/questions/question-workflow";

// Far past the limit only: askQuestion says how long the question is, in the count's words.
const askQuestionForm = z.object({
  month: monthSchema("Reload the page and try again"),
  about: text("About").max(100).optional(),
  body: text("Your question").max(MAX_QUESTION_LENGTH * 20, "Your question must be 2,000 characters or fewer"),
});

export const askQuestionAction = formAction({
  schema: askQuestionForm,
  permission: "question.ask",
  keepValues: true,
  signedOut: "Your session has ended. Sign in again: your question is still in the box, copy it first.",
  run: (user, { month, about, body }) => {
    const parsed = parseAbout(about);
    if (!parsed) throw new AppError("VALIDATION", "There is a problem", { about: "Choose what your question is about" });
    return askQuestion(user, { month, about: parsed, body });
  },
  done: (asked) => ({ redirect: `/packs/${asked.month}/questions?asked=1` }),
});
