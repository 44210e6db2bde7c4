import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, assertCan, can, canEditSection } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { EXPECTED_COLUMNS, EXPECTED_PERMISSIONS as EXPECTED, expectedToAllow } from "@/test/expected-permissions";
import { anyInstanceOf } from "@/test/matchers";

/** What `fn` threw, or undefined when it returned. */
function thrownBy(fn: () => void): unknown {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e;
  }
}

// The expected table is written out by hand in test/expected-permissions.ts (the permission walk
// uses it too): a change to the real one must change that too.

describe("permission table", () => {
  it("lists exactly the expected actions, for exactly the expected roles", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ROLES]).toEqual([...EXPECTED_COLUMNS]);
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role) => {
      const allowed = expectedToAllow(role, action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
        // Nothing thrown when allowed; an AppError when not.
        expect(thrownBy(() => assertCan({ id: "u", name: "n", email: "e", role }, action))).toEqual(
          allowed ? undefined : anyInstanceOf(AppError),
        );
      });
    });
  }

  it("denies by default: no role, unknown actions, signed-out users", () => {
    expect(can(undefined, "home.view")).toBe(false);
    expect(can(null, "pack.readPublished")).toBe(false);
    expect(can("ADMIN", "no.such.action" as never)).toBe(false);
    expect(() => assertCan(null, "home.view")).toThrow(/sign in/);
  });

  it("every role in the table is a real role", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });

  it("lets only administrators and owning service leads edit a section", () => {
    const lead = { id: "lead-1", name: "L", email: "l", role: "SERVICE_LEAD" as const };
    expect(canEditSection(lead, ["lead-1"])).toBe(true);
    expect(canEditSection(lead, ["someone-else"])).toBe(false);
    expect(canEditSection({ ...lead, role: "ADMIN" }, [])).toBe(true);
    expect(canEditSection({ ...lead, role: "DIRECTOR" }, ["lead-1"])).toBe(false);
    expect(canEditSection({ ...lead, role: "PANEL_MEMBER" }, ["lead-1"])).toBe(false);
  });
});
