import { describe, expect, it } from "vitest";
import { isLocked, userStatus } from "@/lib/users/user-status";

const now = new Date("2026-11-26T14:00:00Z");

describe("user status", () => {
  it("reads deactivated before locked, and locked only while the lock lasts", () => {
    expect(userStatus({ active: false, lockedUntil: new Date("2026-11-26T14:10:00Z") }, now).label).toBe("Deactivated");
    expect(userStatus({ active: true, lockedUntil: null }, now)).toEqual({ kind: "active", label: "Active" });
    expect(userStatus({ active: true, lockedUntil: new Date("2026-11-26T13:59:00Z") }, now).kind).toBe("active");
    expect(isLocked({ lockedUntil: new Date("2026-11-26T14:00:01Z") }, now)).toBe(true);
  });

  it("gives the unlock time in UK time, with the date when it is not today", () => {
    expect(userStatus({ active: true, lockedUntil: new Date("2026-11-26T14:15:00Z") }, now).label).toBe("Locked until 14:15");
    // British Summer Time: 13:15 UTC is 14:15 in London.
    const summer = new Date("2026-07-01T13:00:00Z");
    expect(userStatus({ active: true, lockedUntil: new Date("2026-07-01T13:15:00Z") }, summer).label).toBe("Locked until 14:15");
    expect(userStatus({ active: true, lockedUntil: new Date("2026-11-27T09:00:00Z") }, now).label).toBe(
      "Locked until 09:00 on 27 November 2026",
    );
  });
});
