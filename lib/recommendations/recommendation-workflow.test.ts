// The recommendation workflow's table walked whole: every state x action x decision (none, or any
// state), against a table written out independently of RECOMMENDATION_TRANSITIONS.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import {
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATES,
  isRecommendationOpen,
  planRecommendationStep,
  type RecommendationAction,
} from "@/lib/recommendations/recommendation-workflow";

const RESPONSES: RecommendationStatus[] = ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"];

// Written out by hand: action -> the states it may start from -> where it goes ("SAME": stays put;
// a list: the decision must be one of them, and none given is refused unless the list has one entry).
const EXPECTED: Record<RecommendationAction, { from: RecommendationStatus[]; to: RecommendationStatus[] | "SAME" }> = {
  respond: { from: ["AWAITING_RESPONSE"], to: RESPONSES },
  update: { from: ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"], to: "SAME" },
  implement: { from: ["ACCEPTED", "PARTLY_ACCEPTED"], to: ["IMPLEMENTED"] },
  close: { from: ["AWAITING_RESPONSE", "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"], to: ["CLOSED"] },
};

function expected(state: RecommendationStatus, action: RecommendationAction, decision: RecommendationStatus | undefined) {
  const e = EXPECTED[action];
  if (!e.from.includes(state)) return { ok: false, reason: "WRONG_STATE" } as const;
  if (e.to === "SAME") return { ok: true, to: state } as const;
  const to = decision ?? (e.to.length === 1 ? e.to[0] : undefined);
  return to && e.to.includes(to) ? ({ ok: true, to } as const) : ({ ok: false, reason: "INVALID_TARGET" } as const);
}

describe("recommendation transition table", () => {
  it("has every action and state the workflow names", () => {
    expect([...RECOMMENDATION_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...RECOMMENDATION_STATES].sort()).toEqual(
      ["ACCEPTED", "AWAITING_RESPONSE", "CLOSED", "IMPLEMENTED", "NOT_ACCEPTED", "PARTLY_ACCEPTED"].sort(),
    );
  });

  for (const action of RECOMMENDATION_ACTIONS) {
    for (const state of RECOMMENDATION_STATES) {
      for (const decision of [undefined, ...RECOMMENDATION_STATES]) {
        const want = expected(state, action, decision);
        it(`${action} from ${state}${decision ? ` as ${decision}` : ""} -> ${want.ok ? want.to : want.reason}`, () => {
          const plan = planRecommendationStep(state, action, decision);
          const message =
            want.reason === "WRONG_STATE" ? stringMatching(/^You cannot .+ this recommendation: /) : stringMatching(/^Choose /);
          expect(plan).toEqual(want.ok ? want : { ...want, message });
        });
      }
    }
  }

  it("says why a step is refused in words for the director", () => {
    expect(planRecommendationStep("ACCEPTED", "respond", "ACCEPTED")).toMatchObject({
      message: "You cannot record the response to this recommendation: it already has its response",
    });
    expect(planRecommendationStep("CLOSED", "update")).toMatchObject({
      message: "You cannot add a progress update to this recommendation: it is closed",
    });
    expect(planRecommendationStep("NOT_ACCEPTED", "implement")).toMatchObject({
      message: "You cannot mark as implemented this recommendation: it is not accepted",
    });
    expect(planRecommendationStep("AWAITING_RESPONSE", "respond")).toMatchObject({
      reason: "INVALID_TARGET",
      message: "Choose whether the recommendation was accepted",
    });
  });

  it("keeps a recommendation open until it is implemented or closed, and those are ends", () => {
    expect(RECOMMENDATION_STATES.filter(isRecommendationOpen)).toEqual(["AWAITING_RESPONSE", ...RESPONSES]);
    for (const end of ["IMPLEMENTED", "CLOSED"] as const) {
      for (const action of RECOMMENDATION_ACTIONS) expect(planRecommendationStep(end, action, "ACCEPTED").ok).toBe(false);
    }
  });

  it("walks a course: awaiting a response, accepted, updated, implemented", () => {
    let state: RecommendationStatus = "AWAITING_RESPONSE";
    const step = (action: RecommendationAction, decision?: RecommendationStatus) => {
      const plan = planRecommendationStep(state, action, decision);
      if (!plan.ok) throw new Error(plan.message);
      state = plan.to;
      return state;
    };
    expect(step("respond", "PARTLY_ACCEPTED")).toBe("PARTLY_ACCEPTED");
    expect(step("update")).toBe("PARTLY_ACCEPTED");
    expect(step("update")).toBe("PARTLY_ACCEPTED");
    expect(step("implement")).toBe("IMPLEMENTED");
  });
});
