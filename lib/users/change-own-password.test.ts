import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { findActiveUser, findSessionAccount } from "@/lib/auth/current-user";
import { startSession } from "@/lib/auth/user-sessions";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createTestUser } from "@/test/factories";
import { adminActor, versionOf } from "@/test/user-fixtures";

const OLD = "an-old-password-here";
const NEW = "orbit-lantern-quietly";

describe("changing your own password", () => {
  it("needs the current password, meets the rules, ends other sessions and keeps this one", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: OLD });
    const here = await startSession(u.id);
    const elsewhere = await startSession(u.id);
    const change = (input: Partial<{ currentPassword: string; newPassword: string; confirmPassword: string }>) =>
      changeOwnPassword(u.sessionUser, here.sid, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, ...input });
    await expect(change({ currentPassword: "wrong-password-1" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "Your current password is not right" },
    });
    await expect(change({ newPassword: "password1234", confirmPassword: "password1234" })).rejects.toMatchObject({
      fieldErrors: { newPassword: stringMatching(/too common/) },
    });
    await expect(change({ newPassword: "too-short", confirmPassword: "too-short" })).rejects.toMatchObject({
      fieldErrors: { newPassword: stringMatching(/12 characters/) },
    });
    await expect(change({ confirmPassword: "something-else-entirely" })).rejects.toMatchObject({
      fieldErrors: { confirmPassword: stringMatching(/do not match/) },
    });
    expect((await authenticate(u.email, OLD)).ok).toBe(true);

    await change({});
    expect(await authenticate(u.email, OLD)).toEqual({ ok: false, reason: "INVALID" });
    expect((await authenticate(u.email, NEW)).ok).toBe(true);
    expect(await findActiveUser(u.id, here.sid)).toMatchObject({ id: u.id });
    expect(await findActiveUser(u.id, elsewhere.sid)).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { action: "user.passwordChanged", entityId: u.id } })).toMatchObject({ actorId: u.id });
  });

  it("reports every problem with the form at once, in the form's order", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: OLD });
    const here = await startSession(u.id);
    const refusal = (input: { currentPassword: string; newPassword: string; confirmPassword: string }) =>
      changeOwnPassword(u.sessionUser, here.sid, input).then(
        (): Record<string, string> => ({}),
        (e: { fieldErrors: Record<string, string> }) => e.fieldErrors,
      );
    const refused = await refusal({
      currentPassword: "wrong-password-1",
      newPassword: "too-short",
      confirmPassword: "something-else-entirely",
    });
    expect(refused).toEqual({
      currentPassword: "Your current password is not right",
      newPassword: stringMatching(/12 characters/),
      confirmPassword: stringMatching(/do not match/),
    });
    expect(Object.keys(refused)).toEqual(["currentPassword", "newPassword", "confirmPassword"]);
    expect(await refusal({ currentPassword: "", newPassword: "", confirmPassword: "" })).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "Enter a new password",
      confirmPassword: "Confirm your new password",
    });
  });

  it("makes a password an administrator set good only for choosing a new one", async () => {
    const admin = await adminActor();
    const u = await createTestUser("DIRECTOR", { password: OLD });
    const { password } = await resetUserPassword(admin, await versionOf(u.id));
    const signedIn = await authenticate(u.email, password);
    expect(signedIn).toMatchObject({ ok: true, mustChangePassword: true });
    const session = await startSession(u.id);
    // Signed in, but not into the app: only the change-password page accepts this session.
    expect(await findActiveUser(u.id, session.sid)).toBeNull();
    expect(await findSessionAccount(u.id, session.sid)).toMatchObject({ mustChangePassword: true });
    await changeOwnPassword(u.sessionUser, session.sid, { currentPassword: password, newPassword: NEW, confirmPassword: NEW });
    expect(await findActiveUser(u.id, session.sid)).toMatchObject({ id: u.id });
  });
});
