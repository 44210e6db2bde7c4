// Walks the whole action-status table: every change from every status, allowed or refused.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { ACTION_CHANGES, ACTION_STATUSES, ACTION_TRANSITIONS, planActionChange } from "./action-workflow";

const EXPECTED: Record<string, string> = {
  "NONE record": "OPEN",
  "OPEN edit": "OPEN",
  "OPEN complete": "DONE",
  "OPEN drop": "DROPPED",
  "DONE reopen": "OPEN",
  "DROPPED reopen": "OPEN",
};

describe("action status transitions", () => {
  for (const status of ["NONE", ...ACTION_STATUSES] as const) {
    for (const change of ACTION_CHANGES) {
      const key = `${status} ${change}`;
      it(`${key} -> ${EXPECTED[key] ?? "refused"}`, () => {
        const plan = planActionChange(status, change);
        expect(plan).toEqual(
          EXPECTED[key] ? { ok: true, to: EXPECTED[key] } : { ok: false, message: stringMatching(/cannot|does not exist/) },
        );
      });
    }
  }
  it("every transition in the table is expected above (nothing added without a test)", () => {
    const inTable = Object.entries(ACTION_TRANSITIONS).flatMap(([change, t]) => t.from.map((f) => `${f} ${change}`));
    expect(inTable.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});
