// Changing one's own password or two-step sign-in (issue 25, items 6 and 7): each needs the current
// password; a wrong one counts towards the sign-in lockout (the same atomic claim); the person is
// emailed after each change, and after an administrator's reset that turned their second factor off.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { startSession } from "@/lib/auth/user-sessions";
import { generateTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { disableSecondFactor, enableSecondFactor } from "@/lib/users/second-factor";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createTestUser } from "@/test/factories";
import { adminActor, versionOf } from "@/test/user-fixtures";
import { catchMailInThisFile } from "@/test/smtp-catcher";

const PASSWORD = "a-long-test-password";
const NEW = "orbit-lantern-quietly";

const catcher = catchMailInThisFile();
const mailsTo = (email: string) => catcher.mails.filter((m) => m.to.includes(email)).map((m) => m.subject);

async function turnOn(u: Awaited<ReturnType<typeof createTestUser>>, now = new Date()) {
  const secret = generateTotpSecret();
  await enableSecondFactor(u.sessionUser, { currentPassword: PASSWORD, secret, code: totpCode(secret, totpStep(now)) }, now);
  return secret;
}

describe("the current password, for changes to one's own account", () => {
  it("is needed to turn two-step sign-in on", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const secret = generateTotpSecret();
    const code = totpCode(secret, totpStep(new Date()));
    await expect(enableSecondFactor(u.sessionUser, { currentPassword: "", secret, code })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "Enter your current password" },
    });
    await expect(enableSecondFactor(u.sessionUser, { currentPassword: "not-my-password", secret, code })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "Your current password is not right" },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).totpEnabledAt).toBeNull();
  });

  it("counts a wrong one towards the sign-in lockout: the 5th locks the account, and a right password then waits", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const here = await startSession(u.id);
    const change = (currentPassword: string) =>
      changeOwnPassword(u.sessionUser, here.sid, { currentPassword, newPassword: NEW, confirmPassword: NEW });
    for (let i = 1; i <= 4; i++)
      await expect(change(`wrong-password-${i}`)).rejects.toMatchObject({ fieldErrors: { currentPassword: stringMatching(/not right/) } });
    await expect(change("wrong-password-5")).rejects.toMatchObject({ fieldErrors: { currentPassword: stringMatching(/locked/) } });
    await expect(change(PASSWORD)).rejects.toMatchObject({ fieldErrors: { currentPassword: stringMatching(/locked/) } });
    expect(await authenticate(u.email, PASSWORD)).toMatchObject({ ok: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.lockedUntil).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.currentPasswordRefused", entityId: u.id } })).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "user.locked", entityId: u.id } })).toBe(1);
  });

  it("checks at most 5 when 20 wrong ones arrive at once (the same atomic claim as sign-in)", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    await turnOn(u);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => disableSecondFactor(u.sessionUser, { currentPassword: `x${i}` })),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.currentPasswordRefused", entityId: u.id } })).toBeLessThanOrEqual(5);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).totpEnabledAt).not.toBeNull();
  });

  it("lets a right one start the count again", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const here = await startSession(u.id);
    for (let i = 1; i <= 4; i++)
      await expect(
        changeOwnPassword(u.sessionUser, here.sid, { currentPassword: "wrong", newPassword: NEW, confirmPassword: NEW }),
      ).rejects.toThrow("There is a problem");
    await changeOwnPassword(u.sessionUser, here.sid, { currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).failedSignIns).toBe(0);
  });
});

describe("turning one's own two-step sign-in off", () => {
  it("needs the current password, is audited, and then signing in needs no code", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    await turnOn(u);
    await expect(disableSecondFactor(u.sessionUser, { currentPassword: "" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "Enter your current password" },
    });
    await expect(disableSecondFactor(u.sessionUser, { currentPassword: "not-it" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "Your current password is not right" },
    });
    expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "SECOND_FACTOR" });
    await disableSecondFactor(u.sessionUser, { currentPassword: PASSWORD });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      totpEnabledAt: null,
      totpSecret: null,
      totpRecoveryHashes: [],
    });
    expect((await authenticate(u.email, PASSWORD)).ok).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { action: "user.secondFactorDisabled", entityId: u.id } })).toMatchObject({
      actorId: u.id,
    });
    await expect(disableSecondFactor(u.sessionUser, { currentPassword: PASSWORD })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("is refused where SECOND_FACTOR_REQUIRED applies to the role", async () => {
    const director = await createTestUser("DIRECTOR", { password: PASSWORD });
    await turnOn(director);
    const required = { SECOND_FACTOR_REQUIRED: "true" };
    await expect(disableSecondFactor(director.sessionUser, { currentPassword: PASSWORD }, new Date(), required)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringMatching(/must use two-step sign-in/),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: director.id } })).totpEnabledAt).not.toBeNull();
    // Not required of a service lead, nor of the director without the setting.
    await disableSecondFactor(director.sessionUser, { currentPassword: PASSWORD }, new Date(), {});
  });
});

describe("emails about one's own account", () => {
  it("tell the person when their password is changed and when two-step sign-in goes on or off", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const here = await startSession(u.id);
    await turnOn(u);
    await disableSecondFactor(u.sessionUser, { currentPassword: PASSWORD });
    await changeOwnPassword(u.sessionUser, here.sid, { currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW });
    expect(mailsTo(u.email)).toEqual(["Two-step sign-in was turned on", "Two-step sign-in was turned off", "Your password was changed"]);
    const text = catcher.mails
      .filter((m) => m.to.includes(u.email))
      .map((m) => m.text)
      .join("\n");
    expect(text).toContain("If this was not you");
    expect(text).not.toContain(NEW);
  });

  it("tell the person when an administrator's reset turned their two-step sign-in off (and only then)", async () => {
    const admin = await adminActor();
    const withIt = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    await turnOn(withIt);
    const without = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const { password } = await resetUserPassword(admin, await versionOf(withIt.id));
    await resetUserPassword(admin, await versionOf(without.id));
    expect(mailsTo(withIt.email)).toEqual(["Two-step sign-in was turned on", "Two-step sign-in was turned off"]);
    const mail = catcher.mails.filter((m) => m.to.includes(withIt.email))[1];
    expect(mail.text).toMatch(/An administrator reset your Scrutiny Pack password, which also turned off two-step sign-in/);
    expect(mail.text).not.toContain(password);
    expect(mailsTo(without.email)).toEqual([]);
  });
});
