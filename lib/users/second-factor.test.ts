import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { generateTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { enableSecondFactor, mustSetUpSecondFactor } from "@/lib/users/second-factor";
import { createTestUser } from "@/test/factories";
import { holdRowLock } from "@/test/row-lock";

const PASSWORD = "a-long-test-password";

async function withSecondFactor(now: Date) {
  const u = await createTestUser("DIRECTOR", { password: PASSWORD });
  const secret = generateTotpSecret();
  const right = totpCode(secret, totpStep(now));
  await expect(
    enableSecondFactor(u.sessionUser, { currentPassword: PASSWORD, secret, code: "000000" === right ? "111111" : "000000" }, now),
  ).rejects.toMatchObject({ fieldErrors: { code: stringMatching(/not right/) } });
  const { recoveryCodes } = await enableSecondFactor(u.sessionUser, { currentPassword: PASSWORD, secret, code: right }, now);
  return { u, secret, recoveryCodes };
}

describe("two-step sign-in (TOTP)", () => {
  it("is turned on with a code from the app, and then sign-in needs a fresh code", async () => {
    const now = new Date();
    const { u, secret, recoveryCodes } = await withSecondFactor(now);
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.auditEvent.findFirst({ where: { action: "user.secondFactorEnabled", entityId: u.id } })).toMatchObject({
      actorId: u.id,
    });

    expect(await authenticate(u.email, PASSWORD, now)).toEqual({ ok: false, reason: "SECOND_FACTOR" });
    expect(await authenticate(u.email, PASSWORD, now, null, "123")).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    const later = new Date(now.getTime() + 30_000);
    const code = totpCode(secret, totpStep(later));
    expect((await authenticate(u.email, PASSWORD, later, null, code)).ok).toBe(true);
    // The same code is never accepted twice, and the code used to turn it on is spent too.
    expect(await authenticate(u.email, PASSWORD, later, null, code)).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    expect(await authenticate(u.email, "wrong-password", later, null, code)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("does not use up a client address's allowance on the password half of a two-step sign-in", async () => {
    const now = new Date();
    const { u, secret } = await withSecondFactor(now);
    const address = `203.0.113.9-${u.id}`;
    // Twelve ordinary two-step sign-ins from one office address, 30 seconds apart: password, then code.
    for (let round = 1; round <= 12; round++) {
      const at = new Date(now.getTime() + round * 30_000);
      expect(await authenticate(u.email, PASSWORD, at, address), `round ${round}`).toEqual({ ok: false, reason: "SECOND_FACTOR" });
      expect((await authenticate(u.email, PASSWORD, at, address, totpCode(secret, totpStep(at)))).ok, `round ${round}`).toBe(true);
    }
  });

  it("lets one code sign in once when five sign-ins use it at the same moment", async () => {
    const now = new Date();
    const { u, secret } = await withSecondFactor(now);
    const later = new Date(now.getTime() + 30_000);
    const code = totpCode(secret, totpStep(later));
    // All five read the account (its last used step still the one before) and then queue on its row,
    // held here, at their attempt claim; released, each checks the password and the code in turn.
    const held = await holdRowLock(`SELECT id FROM "User" WHERE id = $1::uuid FOR UPDATE`, [u.id]);
    let signIns: Promise<Awaited<ReturnType<typeof authenticate>>[]>;
    try {
      signIns = Promise.all(Array.from({ length: 5 }, () => authenticate(u.email, PASSWORD, later, null, code)));
      await held.waitForWaiters(5);
    } finally {
      await held.release();
    }
    const results = await signIns;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The others are refused: the code was used (a fifth failure in a row also locks the account).
    for (const r of results.filter((x) => !x.ok)) expect(["SECOND_FACTOR_INVALID", "LOCKED"]).toContain(!r.ok && r.reason);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).totpLastStep).toBe(totpStep(later));
    expect(await db.auditEvent.count({ where: { action: "signIn.succeeded", entityId: u.id } })).toBe(1);
  });

  it("accepts each recovery code once", async () => {
    const now = new Date();
    const { u, recoveryCodes } = await withSecondFactor(now);
    expect((await authenticate(u.email, PASSWORD, now, null, recoveryCodes[3].toUpperCase())).ok).toBe(true);
    expect(await authenticate(u.email, PASSWORD, now, null, recoveryCodes[3])).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).totpRecoveryHashes).toHaveLength(9);
  });

  it("counts wrong codes towards the lockout, so codes cannot be guessed without limit", async () => {
    const now = new Date();
    const { u } = await withSecondFactor(now);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => authenticate(u.email, PASSWORD, now, null, String(100000 + i))));
    expect(results.filter((r) => !r.ok && r.reason === "SECOND_FACTOR_INVALID").length).toBeLessThanOrEqual(4);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
  });

  it("is required of administrators and the director when the setting is on", () => {
    const local = { passwordHash: "x", totpEnabledAt: null };
    expect(mustSetUpSecondFactor({ ...local, role: "ADMIN" }, { SECOND_FACTOR_REQUIRED: "true" })).toBe(true);
    expect(mustSetUpSecondFactor({ ...local, role: "DIRECTOR" }, { SECOND_FACTOR_REQUIRED: "true" })).toBe(true);
    expect(mustSetUpSecondFactor({ ...local, role: "SERVICE_LEAD" }, { SECOND_FACTOR_REQUIRED: "true" })).toBe(false);
    expect(mustSetUpSecondFactor({ ...local, role: "ADMIN" }, {})).toBe(false);
    expect(mustSetUpSecondFactor({ ...local, role: "ADMIN", totpEnabledAt: new Date() }, { SECOND_FACTOR_REQUIRED: "true" })).toBe(false);
    expect(mustSetUpSecondFactor({ passwordHash: null, totpEnabledAt: null, role: "ADMIN" }, { SECOND_FACTOR_REQUIRED: "true" })).toBe(
      false,
    );
  });
});

describe("a password reset and the second factor", () => {
  it("turns the second factor off, so someone who lost their app and codes can get back in", async () => {
    const { resetUserPassword } = await import("@/lib/users/reset-user-password");
    const { adminActor, versionOf } = await import("@/test/user-fixtures");
    const now = new Date();
    const { u } = await withSecondFactor(now);
    const { password } = await resetUserPassword(await adminActor(), await versionOf(u.id));
    expect(await authenticate(u.email, password, now)).toMatchObject({ ok: true, mustChangePassword: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      totpEnabledAt: null,
      totpSecret: null,
      totpRecoveryHashes: [],
    });
  });
});
