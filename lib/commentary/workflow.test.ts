import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import {
  COMMENTARY_ACTIONS,
  STATES,
  planTransition,
  type Actor,
  type CommentaryAction,
  type CommentaryState,
} from "@/lib/commentary/workflow";

// Written out independently of the table: state x action x actor -> resulting state, or "-" (refused).
const EXPECTED: Record<CommentaryAction, Record<Actor, Partial<Record<CommentaryState, string>>>> = {
  save: { owner: { NOT_STARTED: "DRAFT", DRAFT: "DRAFT", RETURNED: "RETURNED" }, reviewer: {} },
  submit: { owner: { NOT_STARTED: "SUBMITTED", DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" }, reviewer: {} },
  withdraw: { owner: { SUBMITTED: "DRAFT" }, reviewer: {} },
  approve: { owner: {}, reviewer: { SUBMITTED: "APPROVED" } },
  return: { owner: {}, reviewer: { SUBMITTED: "RETURNED" } },
  reopen: { owner: {}, reviewer: { APPROVED: "RETURNED" } },
};

describe("commentary transition table", () => {
  for (const action of COMMENTARY_ACTIONS) {
    for (const actor of ["owner", "reviewer", null] as const) {
      for (const state of STATES) {
        const expected = actor ? EXPECTED[action][actor][state] : undefined;
        it(`${actor ?? "nobody"} ${action} from ${state} -> ${expected ?? "refused"}`, () => {
          const plan = planTransition(state, action, actor);
          expect(plan).toEqual(
            expected
              ? { ok: true, to: expected }
              : {
                  ok: false,
                  message: stringMatching(/^You cannot/),
                  reason:
                    actor && (["save", "submit", "withdraw"].includes(action) ? actor === "owner" : actor === "reviewer")
                      ? "WRONG_STATE"
                      : "NOT_ALLOWED",
                },
          );
        });
      }
    }
  }

  it("walks the whole journey: not started, draft, submitted, withdrawn, submitted, returned, submitted, approved, reopened", () => {
    let state: CommentaryState = "NOT_STARTED";
    const step = (action: CommentaryAction, actor: Actor) => {
      const plan = planTransition(state, action, actor);
      if (!plan.ok) throw new Error(plan.message);
      state = plan.to;
      return state;
    };
    expect(step("save", "owner")).toBe("DRAFT");
    expect(step("submit", "owner")).toBe("SUBMITTED");
    expect(step("withdraw", "owner")).toBe("DRAFT");
    expect(step("submit", "owner")).toBe("SUBMITTED");
    expect(step("return", "reviewer")).toBe("RETURNED");
    expect(step("save", "owner")).toBe("RETURNED");
    expect(step("submit", "owner")).toBe("SUBMITTED");
    expect(step("approve", "reviewer")).toBe("APPROVED");
    expect(step("reopen", "reviewer")).toBe("RETURNED");
  });
});
