import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import * as password from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/sign-in";
import { MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";
import { createTestUser, unique } from "@/test/factories";

const PASSWORD = "a-long-test-password";
const CONCURRENT = 40;

describe("lockout under concurrent guessing", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it(`verifies exactly ${MAX_FAILED_SIGN_INS} passwords when ${CONCURRENT} guesses are all claimed before any is judged`, async () => {
    const u = await createTestUser("ADMIN", { password: PASSWORD });
    // Each password check waits until every attempt has either reached its check or been refused
    // unchecked: so all the claims are made before the first failure could lock the account, and
    // only the claim itself stands between the guesses and a sixth check.
    const verify = password.verifyPassword;
    let checks = 0;
    let done = 0;
    let letThemGo!: () => void;
    const allClaimed = new Promise<void>((resolve) => {
      letThemGo = resolve;
    });
    const maybeGo = () => {
      if (checks + done >= CONCURRENT) letThemGo();
    };
    // Only checks against the account's own hash count: a refusal unchecked still spends the time
    // of one against the dummy hash (so it cannot be told from an unknown email), and is not held back.
    const dummy = await password.timingDummyHash();
    vi.spyOn(password, "verifyPassword").mockImplementation(async (hash, guess) => {
      if (hash === dummy) return verify(hash, guess);
      checks++;
      maybeGo();
      await allClaimed;
      return verify(hash, guess);
    });
    const guess = (i: number) =>
      authenticate(u.email, `wrong-${i}`).finally(() => {
        done++;
        maybeGo();
      });
    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => guess(i)));
    expect(checks).toBe(MAX_FAILED_SIGN_INS);
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.failedSignIns).toBe(MAX_FAILED_SIGN_INS);
    expect(after.lockedUntil).not.toBeNull();
    expect(results.filter((r) => !r.ok && r.reason === "INVALID")).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(results.filter((r) => !r.ok && r.reason === "LOCKED")).toHaveLength(CONCURRENT - MAX_FAILED_SIGN_INS + 1);
  });

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
