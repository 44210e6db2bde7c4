// The question workflow's table walked whole: every state x action x set of actors, against a table
// written out independently of QUESTION_TRANSITIONS, and who each user is to a question.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import type { QuestionStatus } from "@/lib/generated/prisma/enums";
import {
  QUESTION_ACTIONS,
  QUESTION_STATES,
  planQuestionStep,
  questionActors,
  type QuestionAction,
  type QuestionActor,
} from "@/lib/questions/question-workflow";

// Written out by hand: action -> the actor who may take it -> state -> resulting state (absent: refused).
const EXPECTED: Record<QuestionAction, { by: QuestionActor; moves: Partial<Record<QuestionStatus, QuestionStatus>> }> = {
  save: { by: "answerer", moves: { ASKED: "DRAFT", DRAFT: "DRAFT", RETURNED: "DRAFT" } },
  submit: { by: "answerer", moves: { ASKED: "SUBMITTED", DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" } },
  approve: { by: "reviewer", moves: { SUBMITTED: "APPROVED" } },
  return: { by: "reviewer", moves: { SUBMITTED: "RETURNED" } },
  answer: { by: "answering-reviewer", moves: { ASKED: "APPROVED", DRAFT: "APPROVED", RETURNED: "APPROVED" } },
};

const ALL_ACTORS: QuestionActor[] = ["answerer", "reviewer", "answering-reviewer"];
/** Every subset of the three actors, the empty one included. */
const ACTOR_SETS: QuestionActor[][] = Array.from({ length: 1 << ALL_ACTORS.length }, (_, bits) =>
  ALL_ACTORS.filter((_, i) => bits & (1 << i)),
);

describe("question transition table", () => {
  it("has every action and state the workflow names", () => {
    expect([...QUESTION_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...QUESTION_STATES].sort()).toEqual(["APPROVED", "ASKED", "DRAFT", "RETURNED", "SUBMITTED"]);
  });

  for (const action of QUESTION_ACTIONS) {
    for (const set of ACTOR_SETS) {
      for (const state of QUESTION_STATES) {
        const mayAct = set.includes(EXPECTED[action].by);
        const expected = mayAct ? EXPECTED[action].moves[state] : undefined;
        const who = set.length ? set.join("+") : "nobody";
        it(`${who} ${action} from ${state} -> ${expected ?? "refused"}`, () => {
          const plan = planQuestionStep(state, action, new Set(set));
          expect(plan).toEqual(
            expected
              ? { ok: true, to: expected }
              : { ok: false, reason: mayAct ? "WRONG_STATE" : "NOT_ALLOWED", message: stringMatching(/^You cannot .+ question/) },
          );
        });
      }
    }
  }

  it("says in the refusal what state the answer is in", () => {
    expect(planQuestionStep("APPROVED", "save", new Set(["answerer"]))).toMatchObject({
      message: "You cannot save a draft answer to a question whose answer is answered",
    });
    expect(planQuestionStep("DRAFT", "approve", new Set(["reviewer"]))).toMatchObject({
      message: "You cannot approve the answer to a question whose answer is answer in draft",
    });
    expect(planQuestionStep("SUBMITTED", "approve", new Set(["answerer"]))).toMatchObject({
      message: "You cannot approve the answer to this question",
    });
  });

  it("walks the whole journey: asked, draft, submitted, returned, draft, submitted, approved", () => {
    let state: QuestionStatus = "ASKED";
    const lead = new Set<QuestionActor>(["answerer"]);
    const director = new Set<QuestionActor>(["reviewer"]);
    const step = (action: QuestionAction, actors: Set<QuestionActor>) => {
      const plan = planQuestionStep(state, action, actors);
      if (!plan.ok) throw new Error(plan.message);
      state = plan.to;
      return state;
    };
    expect(step("save", lead)).toBe("DRAFT");
    expect(step("submit", lead)).toBe("SUBMITTED");
    expect(step("return", director)).toBe("RETURNED");
    expect(step("save", lead)).toBe("DRAFT");
    expect(step("submit", lead)).toBe("SUBMITTED");
    expect(step("approve", director)).toBe("APPROVED");
    // Approved is the end: nothing moves it on.
    for (const action of QUESTION_ACTIONS) expect(planQuestionStep(state, action, new Set(ALL_ACTORS)).ok).toBe(false);
  });
});

describe("who someone is to a question", () => {
  const actors = (role: string, ownsSection: boolean, packWide: boolean) => [...questionActors({ role, ownsSection, packWide })].sort();

  it("a service lead who owns the question's section answers it; one who does not is nobody to it", () => {
    expect(actors("SERVICE_LEAD", true, false)).toEqual(["answerer"]);
    expect(actors("SERVICE_LEAD", false, false)).toEqual([]);
  });

  it("a service lead is nobody to a question about the whole pack, owner of sections or not", () => {
    expect(actors("SERVICE_LEAD", true, true)).toEqual([]);
    expect(actors("SERVICE_LEAD", false, true)).toEqual([]);
  });

  it("the director reviews a section's answers, and answers (and approves at once) a pack-wide question", () => {
    expect(actors("DIRECTOR", false, false)).toEqual(["reviewer"]);
    expect(actors("DIRECTOR", true, false)).toEqual(["reviewer"]);
    expect(actors("DIRECTOR", false, true)).toEqual(["answerer", "answering-reviewer", "reviewer"]);
  });

  it("an administrator and a panel member are nobody to any question's answer", () => {
    for (const role of ["ADMIN", "PANEL_MEMBER"]) {
      for (const ownsSection of [true, false]) {
        for (const packWide of [true, false]) expect(actors(role, ownsSection, packWide), `${role} ${ownsSection} ${packWide}`).toEqual([]);
      }
    }
  });

  it("each user's actors, walked through the table: what each may do to a question just asked", () => {
    const may = (role: string, ownsSection: boolean, packWide: boolean, state: QuestionStatus) =>
      QUESTION_ACTIONS.filter((a) => planQuestionStep(state, a, questionActors({ role, ownsSection, packWide })).ok);
    expect(may("SERVICE_LEAD", true, false, "ASKED")).toEqual(["save", "submit"]);
    expect(may("SERVICE_LEAD", false, false, "ASKED")).toEqual([]);
    expect(may("DIRECTOR", false, false, "ASKED")).toEqual([]);
    expect(may("DIRECTOR", false, false, "SUBMITTED")).toEqual(["approve", "return"]);
    expect(may("DIRECTOR", false, true, "ASKED")).toEqual(["save", "submit", "answer"]);
    expect(may("ADMIN", false, true, "ASKED")).toEqual([]);
    expect(may("PANEL_MEMBER", false, false, "SUBMITTED")).toEqual([]);
  });
});
