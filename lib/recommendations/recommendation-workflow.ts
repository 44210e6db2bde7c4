// A recommendation's course as data: the executive's response, progress, and its end. The one
// function that applies it is transition-recommendation.ts; recommendation-workflow.test.ts walks it.
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";

export type RecommendationAction = "respond" | "update" | "implement" | "close";

type Transition = { from: readonly RecommendationStatus[]; to: readonly RecommendationStatus[] | "SAME" };

/** All are the director's (recording the executive's response for it): "recommendation.respond". */
export const RECOMMENDATION_TRANSITIONS: Record<RecommendationAction, Transition> = {
  respond: { from: ["AWAITING_RESPONSE"], to: ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"] },
  update: { from: ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"], to: "SAME" },
  implement: { from: ["ACCEPTED", "PARTLY_ACCEPTED"], to: ["IMPLEMENTED"] },
  close: { from: ["AWAITING_RESPONSE", "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"], to: ["CLOSED"] },
};

export const RECOMMENDATION_STATES: readonly RecommendationStatus[] = [
  "AWAITING_RESPONSE",
  "ACCEPTED",
  "PARTLY_ACCEPTED",
  "NOT_ACCEPTED",
  "IMPLEMENTED",
  "CLOSED",
];
export const RECOMMENDATION_ACTIONS = Object.keys(RECOMMENDATION_TRANSITIONS) as RecommendationAction[];
/** Still being followed: shown in every later pack. The others appear once more, as closed. */
export const OPEN_RECOMMENDATION: readonly RecommendationStatus[] = ["AWAITING_RESPONSE", "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"];
export const isRecommendationOpen = (s: RecommendationStatus) => OPEN_RECOMMENDATION.includes(s);

export const RECOMMENDATION_STATE_LABEL: Record<RecommendationStatus, string> = {
  AWAITING_RESPONSE: "Awaiting response",
  ACCEPTED: "Accepted",
  PARTLY_ACCEPTED: "Partly accepted",
  NOT_ACCEPTED: "Not accepted",
  IMPLEMENTED: "Implemented",
  CLOSED: "Closed",
};

export const RECOMMENDATION_TAG_CLASS: Record<RecommendationStatus, string> = {
  AWAITING_RESPONSE: "govuk-tag--yellow",
  ACCEPTED: "govuk-tag--blue",
  PARTLY_ACCEPTED: "govuk-tag--light-blue",
  NOT_ACCEPTED: "govuk-tag--red",
  IMPLEMENTED: "govuk-tag--green",
  CLOSED: "govuk-tag--grey",
};

const ACTION_WORDS: Record<RecommendationAction, string> = {
  respond: "record the response to",
  update: "add a progress update to",
  implement: "mark as implemented",
  close: "close",
};

export type RecommendationPlan =
  { ok: true; to: RecommendationStatus } | { ok: false; reason: "WRONG_STATE" | "INVALID_TARGET"; message: string };

/** Pure: where `action` takes a recommendation in `state`; `decision` is the response's outcome. */
export function planRecommendationStep(
  state: RecommendationStatus,
  action: RecommendationAction,
  decision?: RecommendationStatus,
): RecommendationPlan {
  const t = RECOMMENDATION_TRANSITIONS[action];
  if (!t.from.includes(state)) {
    const why = action === "respond" ? "it already has its response" : `it is ${RECOMMENDATION_STATE_LABEL[state].toLowerCase()}`;
    return { ok: false, reason: "WRONG_STATE", message: `You cannot ${ACTION_WORDS[action]} this recommendation: ${why}` };
  }
  if (t.to === "SAME") return { ok: true, to: state };
  const to = decision ?? (t.to.length === 1 ? t.to[0] : undefined);
  if (!to || !t.to.includes(to)) return { ok: false, reason: "INVALID_TARGET", message: "Choose whether the recommendation was accepted" };
  return { ok: true, to };
}

export const MAX_RECOMMENDATION_LENGTH = 2_000;
export const MAX_RESPONSE_LENGTH = 5_000;
