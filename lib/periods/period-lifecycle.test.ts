import { describe, expect, it } from "vitest";
import { anyInstanceOf, stringMatching } from "@/test/matchers";
import { ROLES } from "@/lib/auth/roles";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import {
  AWAITING_PUBLICATION_STATES,
  EDITABLE_STATES,
  FIGURES_EDITABLE_STATES,
  FROZEN_STATES,
  PERIOD_ACTIONS,
  PERIOD_STATES,
  PERIOD_TRANSITIONS,
  SIGNED_STATES,
  areFiguresEditable,
  assertPeriodEditable,
  availablePeriodActions,
  isPeriodEditable,
  planPeriodTransition,
  type PeriodAction,
} from "@/lib/periods/period-lifecycle";

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
          expect(plan).toEqual(
            expected
              ? { ok: true, to: expected }
              : { ok: false, reason: role === "DIRECTOR" ? "WRONG_STATE" : "NOT_ALLOWED", message: anyInstanceOf(String) },
          );
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
      expect.objectContaining({ code: "INVALID_TRANSITION", message: stringMatching(/^The September 2019 pack is signed off/) }),
    );
    expect(() => assertPeriodEditable({ month, status: "AMENDING" })).not.toThrow();
  });
});

// The lists other modules read (reminders, tasks, signed figures, target changes), written out here
// state by state, and walked against the table they are derived from.
const LISTS: Record<PeriodStatus, { editable: boolean; figures: boolean; frozen: boolean; signed: boolean; awaiting: boolean }> = {
  OPEN: { editable: true, figures: true, frozen: false, signed: false, awaiting: true },
  SIGNED_OFF: { editable: false, figures: false, frozen: true, signed: true, awaiting: true },
  PUBLISHED: { editable: false, figures: false, frozen: true, signed: true, awaiting: false },
  AMENDING: { editable: true, figures: true, frozen: false, signed: false, awaiting: true },
  HISTORY: { editable: false, figures: true, frozen: false, signed: true, awaiting: false },
};

describe("the state lists derived from the table", () => {
  it("covers every state once, in the table's order", () => {
    expect(Object.keys(LISTS).sort()).toEqual([...PERIOD_STATES].sort());
    for (const list of [EDITABLE_STATES, FIGURES_EDITABLE_STATES, FROZEN_STATES, SIGNED_STATES, AWAITING_PUBLICATION_STATES]) {
      expect(list).toEqual(PERIOD_STATES.filter((s) => list.includes(s)));
    }
  });

  for (const status of PERIOD_STATES) {
    it(`puts ${status} where the table says`, () => {
      const expected = LISTS[status];
      expect({
        editable: EDITABLE_STATES.includes(status),
        figures: FIGURES_EDITABLE_STATES.includes(status),
        frozen: FROZEN_STATES.includes(status),
        signed: SIGNED_STATES.includes(status),
        awaiting: AWAITING_PUBLICATION_STATES.includes(status),
      }).toEqual(expected);
      // Against the table: editable exactly where a sign-off may start; frozen exactly where no figure
      // may change; signed is the rest of editable; a pack awaits publication where some run of the
      // director's actions publishes it before it is published again.
      expect(expected.editable).toBe(PERIOD_TRANSITIONS.signOff.from.includes(status));
      expect(expected.editable).toBe(isPeriodEditable(status));
      expect(expected.frozen).toBe(!areFiguresEditable(status));
      expect(expected.signed).toBe(!isPeriodEditable(status));
      expect(expected.awaiting).toBe(publishedFrom(status));
    });
  }
});

/** Walks the director's actions from `status`: whether PUBLISHED is reached from it (without starting there). */
function publishedFrom(status: PeriodStatus, seen = new Set<PeriodStatus>()): boolean {
  if (status === "PUBLISHED" || seen.has(status)) return false;
  seen.add(status);
  return availablePeriodActions({ role: "DIRECTOR" }, { month, status }).some((action) => {
    const plan = planPeriodTransition("DIRECTOR", { month, status }, action);
    return plan.ok && (plan.to === "PUBLISHED" || publishedFrom(plan.to, seen));
  });
}
