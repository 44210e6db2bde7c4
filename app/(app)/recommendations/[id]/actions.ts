"use server";
// The director's steps on a recommendation (the executive's response, a progress update, implemented,
// closed): parse, then the one domain function, which checks the state and the version it read.
import { revalidatePath } from "next/cache";
import { formAction, refreshOnConflict } from "@/lib/define-action";
import { recommendationStepInput } from "@/lib/recommendations/recommendation-input";
import { transitionRecommendation } from "@/lib/recommendations/transition-recommendation";

const DONE = { respond: "responded", update: "updated", implement: "implemented", close: "closed" } as const;

export const recommendationStepAction = formAction({
  schema: recommendationStepInput,
  permission: "recommendation.respond",
  keepValues: true,
  run: (user, input) => transitionRecommendation(user, input),
  done: (result, input) => {
    revalidatePath("/recommendations");
    return { redirect: `/recommendations/${result.id}?done=${DONE[input.action]}` };
  },
  refused: (e) => refreshOnConflict(e),
});
