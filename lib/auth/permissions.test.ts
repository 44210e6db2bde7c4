import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, assertCan, can, canEditSection } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

// The expected table, written out independently: a change to the real one must change this too.
const EXPECTED: Record<string, string> = {
  //                         ADMIN LEAD DIRECTOR PANEL
  "home.view":              "Y Y Y Y",
  "account.changeOwnPassword": "Y Y Y Y",
  "account.secondFactor":   "Y Y Y Y",
  "admin.view":             "Y - - -",
  "indicator.manage":       "Y - - -",
  "section.manage":         "Y - - -",
  "user.manage":            "Y - - -",
  "audit.view":             "Y - - -",
  "reminders.send":         "Y - - -",
  "period.open":            "Y - - -",
  "period.view":            "Y Y Y -",
  "value.edit":             "Y Y - -",
  "value.import":           "Y - - -",
  "population.manage":      "Y - - -",
  "national.manage":        "Y - - -",
  "commentary.view":        "Y Y Y -",
  "commentary.draft":       "Y Y - -",
  "commentary.submit":      "Y Y - -",
  "commentary.review":      "- - Y -",
  "exceptionAction.manage": "Y Y - -",
  "pack.preview":           "Y Y Y -",
  "pack.signOff":           "- - Y -",
  "pack.publish":           "- - Y -",
  "pack.amend":             "- - Y -",
  "pack.readPublished":     "Y Y Y Y",
  "pack.verifyIntegrity":   "Y - Y -",
};

describe("permission table", () => {
  it("lists exactly the expected actions", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role, i) => {
      const allowed = EXPECTED[action].split(" ")[i] === "Y";
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
        if (allowed) expect(() => assertCan({ id: "u", name: "n", email: "e", role }, action)).not.toThrow();
        else expect(() => assertCan({ id: "u", name: "n", email: "e", role }, action)).toThrow(AppError);
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
