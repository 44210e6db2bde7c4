// A recovery code is used up by compare-and-set (lib/users/second-factor.ts): two sign-ins using one
// code at the same moment must not both get in. The interleaving is forced, not hoped for: a second
// connection holds the account's row while every contender has read the account (the code still
// unused) and queues behind it. (The concurrent case had no test: found by npm run test:mutation.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { generateTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { enableSecondFactor } from "@/lib/users/second-factor";
import { createTestUser } from "@/test/factories";
import { holdRowLock } from "@/test/row-lock";

const PASSWORD = "a-long-test-password";

describe("a recovery code used by several sign-ins at once", () => {
  it("signs in once, and is then used up", async () => {
    const now = new Date();
    const u = await createTestUser("DIRECTOR", { password: PASSWORD });
    const secret = generateTotpSecret();
    const { recoveryCodes } = await enableSecondFactor(
      u.sessionUser,
      { currentPassword: PASSWORD, secret, code: totpCode(secret, totpStep(now)) },
      now,
    );
    const code = recoveryCodes[0];

    const held = await holdRowLock(`SELECT id FROM "User" WHERE id = $1::uuid FOR UPDATE`, [u.id]);
    let signIns: Promise<Awaited<ReturnType<typeof authenticate>>[]>;
    try {
      signIns = Promise.all(Array.from({ length: 3 }, () => authenticate(u.email, PASSWORD, now, null, code)));
      await held.waitForWaiters(3);
    } finally {
      await held.release();
    }
    const results = await signIns;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(!r.ok && r.reason).toBe("SECOND_FACTOR_INVALID");
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).totpRecoveryHashes).toHaveLength(recoveryCodes.length - 1);
    expect(await db.auditEvent.count({ where: { action: "signIn.succeeded", entityId: u.id } })).toBe(1);
  });
});
