// The lockout's and the address back-off's exact numbers, at their edges (lib/auth/sign-in.ts,
// lib/auth/address-throttle.ts): a lock that has run out starts a new count of 5, and one address gets
// exactly 10 failures per window across all accounts. (The other tests checked that a lock ends and
// that an address is backed off at some point: the edges were found by npm run test:mutation.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { maxFailuresPerAddress } from "@/lib/auth/sign-in-limits";
import { createTestUser, unique } from "@/test/factories";

const PASSWORD = "a-long-test-password";
const at = (iso: string) => new Date(iso);

describe("the account lock", () => {
  it("starts a new count of five once it has run out: one more failure does not lock again", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    for (let i = 1; i <= 4; i++)
      expect(await authenticate(u.email, `wrong-${i}`, at("2026-02-01T09:00:00Z"))).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate(u.email, "wrong-5", at("2026-02-01T09:00:00Z"))).toEqual({ ok: false, reason: "LOCKED" });

    // The lock ends at 09:15. Four failures after it are only failures; the fifth locks again.
    for (let i = 1; i <= 4; i++)
      expect(await authenticate(u.email, `again-${i}`, at("2026-02-01T09:16:00Z")), `failure ${i} after the lock`).toEqual({
        ok: false,
        reason: "INVALID",
      });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).toBeNull();
    expect(await authenticate(u.email, "again-5", at("2026-02-01T09:16:00Z"))).toEqual({ ok: false, reason: "LOCKED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil?.toISOString()).toBe("2026-02-01T09:31:00.000Z");
  });
});

describe("the back-off of one client address", () => {
  it("allows exactly 10 failed sign-ins per window across accounts, and refuses the 11th", async () => {
    expect(maxFailuresPerAddress({})).toBe(10);
    const address = `192.0.2.1-${unique("edge")}`;
    // Two failures on each of five accounts: none is locked, and the address has used up its ten.
    const accounts = await Promise.all(Array.from({ length: 6 }, () => createTestUser("PANEL_MEMBER", { password: PASSWORD })));
    const now = at("2026-02-01T10:00:00Z");
    for (const a of accounts.slice(0, 5)) {
      for (let i = 1; i <= 2; i++)
        expect(await authenticate(a.email, `wrong-${i}`, now, address)).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await authenticate(accounts[5].email, "wrong", now, address)).toEqual({ ok: false, reason: "THROTTLED" });
    expect(await authenticate(accounts[5].email, PASSWORD, now, address)).toEqual({ ok: false, reason: "THROTTLED" });
    // The window is 15 minutes from the first failure.
    expect((await authenticate(accounts[5].email, PASSWORD, at("2026-02-01T10:15:01Z"), address)).ok).toBe(true);
  });
});
