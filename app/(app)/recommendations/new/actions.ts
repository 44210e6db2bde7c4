"use server";
// Recording a recommendation the panel made: parse, then the one domain function, then its page.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { recordRecommendationInput } from "@/lib/recommendations/recommendation-input";
import { recordRecommendation } from "@/lib/recommendations/record-recommendation";

export const recordRecommendationAction = formAction({
  schema: recordRecommendationInput,
  permission: "recommendation.record",
  keepValues: true,
  run: (user, input) => recordRecommendation(user, input),
  done: (created) => {
    revalidatePath("/recommendations");
    return { redirect: `/recommendations/${created.id}?done=recorded` };
  },
});
