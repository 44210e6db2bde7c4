import { describe, expect, it } from "vitest";
import { describeAction, describeChanges, describeValue } from "@/lib/audit/audit-labels";

describe("audit events in words", () => {
  it("names known actions and makes others readable", () => {
    expect(describeAction("user.roleChanged")).toBe("Changed a user's role");
    expect(describeAction("commentary.submitted")).toBe("Commentary submitted");
    expect(describeAction("pack.signedOff")).toBe("Pack signed off");
  });

  it("shows values as people read them", () => {
    expect(describeValue("SERVICE_LEAD")).toBe("Service lead");
    expect(describeValue(true)).toBe("Yes");
    expect(describeValue(null)).toBe("(none)");
    expect(describeValue([])).toBe("(none)");
    expect(describeValue(["Demand", "Care leavers"])).toBe("Demand, Care leavers");
    expect(describeValue("2026-07-01T13:15:00.000Z")).toBe("1 July 2026 at 14:15");
    expect(describeValue(1234.5)).toBe("1,234.5");
  });

  it("lists the fields of before and after and marks which changed", () => {
    const changes = describeChanges(
      { name: "Dana", role: "SERVICE_LEAD", sectionsOwned: ["Demand"] },
      { name: "Dana", role: "DIRECTOR", sectionsOwned: [] },
    );
    expect(changes).toEqual([
      { key: "name", label: "Name", before: "Dana", after: "Dana", changed: false },
      { key: "role", label: "Role", before: "Service lead", after: "Director", changed: true },
      { key: "sectionsOwned", label: "Sections owned", before: "Demand", after: "(none)", changed: true },
    ]);
    expect(describeChanges(null, { failedSignIns: 0 })).toEqual([
      { key: "failedSignIns", label: "Failed sign-ins", before: "", after: "0", changed: false },
    ]);
    expect(describeChanges(null, null)).toEqual([]);
  });
});
