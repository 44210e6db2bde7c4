import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";
import { createTestUser, unique } from "@/test/factories";

const PASSWORD = "a-long-test-password";
const CONCURRENT = 40;

describe("lockout under concurrent guessing", () => {
  it(`checks at most ${MAX_FAILED_SIGN_INS} passwords when ${CONCURRENT} guesses arrive at once`, async () => {
    const u = await createTestUser("ADMIN", { password: PASSWORD });
    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => authenticate(u.email, `wrong-${i}`)));
    // Only a checked password can come back INVALID; every other attempt is refused unchecked.
    expect(results.filter((r) => !r.ok && r.reason === "INVALID").length).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS - 1);
    expect(results.filter((r) => !r.ok && r.reason === "LOCKED").length).toBeGreaterThanOrEqual(CONCURRENT - MAX_FAILED_SIGN_INS + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
  });

  it("does not let the right password, arriving among a burst of guesses, sign in or lift the lock", async () => {
    const u = await createTestUser("DIRECTOR", { password: PASSWORD });
    const guesses = [...Array.from({ length: CONCURRENT - 1 }, (_, i) => `wrong-${i}`), PASSWORD];
    const results = await Promise.all(guesses.map((g) => authenticate(u.email, g)));
    expect(results.at(-1)).toEqual({ ok: false, reason: "LOCKED" });
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "LOCKED" });
  });

  it("backs off a client address that keeps failing, whichever accounts it tries, without locking them", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${unique("a")}`;
    const accounts = await Promise.all(Array.from({ length: 6 }, () => createTestUser("PANEL_MEMBER", { password: PASSWORD })));
    const results = [];
    for (const a of accounts) for (let i = 0; i < 3; i++) results.push(await authenticate(a.email, `wrong-${i}`, new Date(), address));
    expect(results.filter((r) => !r.ok && r.reason === "THROTTLED").length).toBeGreaterThan(0);
    // The address is refused before any account is touched, so none of them is locked.
    for (const a of accounts) expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).lockedUntil).toBeNull();
    const fresh = await createTestUser("PANEL_MEMBER", { password: PASSWORD });
    expect(await authenticate(fresh.email, PASSWORD, new Date(), address)).toEqual({ ok: false, reason: "THROTTLED" });
    // Another address is unaffected, and the window ends.
    expect((await authenticate(fresh.email, PASSWORD, new Date(), `${address}-other`)).ok).toBe(true);
    expect((await authenticate(fresh.email, PASSWORD, new Date(Date.now() + 16 * 60_000), address)).ok).toBe(true);
  });
});
