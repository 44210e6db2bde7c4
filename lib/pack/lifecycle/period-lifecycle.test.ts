import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/roles";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import {
  PERIOD_ACTIONS,
  PERIOD_STATES,
  assertPeriodEditable,
  availablePeriodActions,
  isPeriodEditable,
  planPeriodTransition,
  type PeriodAction,
} from "@/lib/pack/lifecycle/period-lifecycle";

// Written out independently of the table: action x state -> resulting state for the director, the
// only role that moves a pack; everyone else is refused everything.
const EXPECTED: Record<PeriodAction, Partial<Record<PeriodStatus, PeriodStatus>>> = {
  signOff: { OPEN: "SIGNED_OFF", AMENDING: "SIGNED_OFF" },
  publish: { SIGNED_OFF: "PUBLISHED" },
  amend: { PUBLISHED: "AMENDING" },
};
const month = "2019-09";

describe("period transition table", () => {
  for (const action of PERIOD_ACTIONS) {
    for (const role of [...ROLES, null]) {
      for (const status of PERIOD_STATES) {
        const expected = role === "DIRECTOR" ? EXPECTED[action][status] : undefined;
        it(`${role ?? "nobody"} ${action} from ${status} -> ${expected ?? "refused"}`, () => {
          const plan = planPeriodTransition(role, { month, status }, action);
          if (expected) expect(plan).toEqual({ ok: true, to: expected });
          else expect(plan).toMatchObject({ ok: false, reason: role === "DIRECTOR" ? "WRONG_STATE" : "NOT_ALLOWED" });
          expect(availablePeriodActions(role ? { role } : null, { month, status }).includes(action)).toBe(Boolean(expected));
        });
      }
    }
  }

  it("says why a director is refused, naming the month", () => {
    const refusal = (status: PeriodStatus, action: PeriodAction) => {
      const plan = planPeriodTransition("DIRECTOR", { month, status }, action);
      return plan.ok ? null : plan.message;
    };
    expect(refusal("SIGNED_OFF", "signOff")).toBe("The September 2019 pack is already signed off");
    expect(refusal("PUBLISHED", "publish")).toBe("The September 2019 pack is already published");
    expect(refusal("OPEN", "publish")).toBe("The September 2019 pack must be signed off before it can be published");
    expect(refusal("AMENDING", "amend")).toBe("Only a published pack can be amended");
  });

  it("walks the whole journey: open, signed off, published, amending, signed off, published", () => {
    let status: PeriodStatus = "OPEN";
    const step = (action: PeriodAction) => {
      expect(availablePeriodActions({ role: "DIRECTOR" }, { month, status })).toEqual([action]);
      const plan = planPeriodTransition("DIRECTOR", { month, status }, action);
      if (!plan.ok) throw new Error(plan.message);
      return (status = plan.to);
    };
    expect(step("signOff")).toBe("SIGNED_OFF");
    expect(step("publish")).toBe("PUBLISHED");
    expect(step("amend")).toBe("AMENDING");
    expect(step("signOff")).toBe("SIGNED_OFF");
    expect(step("publish")).toBe("PUBLISHED");
  });

  it("lets figures and commentary change only before sign-off and during an amendment", () => {
    expect(PERIOD_STATES.filter(isPeriodEditable)).toEqual(["OPEN", "AMENDING"]);
    expect(() => assertPeriodEditable({ month, status: "PUBLISHED" })).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION", message: expect.stringMatching(/^The September 2019 pack is signed off/) }),
    );
    expect(() => assertPeriodEditable({ month, status: "AMENDING" })).not.toThrow();
  });
});
