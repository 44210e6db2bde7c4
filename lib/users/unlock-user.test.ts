import { describe, expect, it } from "vitest";
import { anyInstanceOf, objectContaining, stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { unlockUser } from "@/lib/users/unlock-user";
import { createTestUser } from "@/test/factories";
import { NON_ADMIN_ROLES, adminActor, auditOf, versionOf } from "@/test/user-fixtures";

const PASSWORD = "a-long-test-password";

async function lockedUser() {
  const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
  await db.user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 15 * 60_000), failedSignIns: 0 } });
  return u;
}

describe("unlockUser", () => {
  it("clears the lock and the failure count so the person can sign in at once", async () => {
    const admin = await adminActor();
    const u = await lockedUser();
    expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "LOCKED" });
    const updated = await unlockUser(admin, await versionOf(u.id));
    expect(updated).toMatchObject({ lockedUntil: null, failedSignIns: 0 });
    expect((await authenticate(u.email, PASSWORD)).ok).toBe(true);
    const [event] = await auditOf(u.id);
    expect(event).toMatchObject({
      action: "user.unlocked",
      actorId: admin.id,
      before: objectContaining({ lockedUntil: anyInstanceOf(String) }),
      after: objectContaining({ lockedUntil: null }),
    });
    expect(event.text).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses an account that is not locked, and a stale page", async () => {
    const admin = await adminActor();
    const free = await createTestUser("DIRECTOR");
    await expect(unlockUser(admin, await versionOf(free.id))).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("not locked"),
    });
    const u = await lockedUser();
    const stale = await versionOf(u.id);
    await db.user.update({
      where: { id: u.id },
      data: { lockedUntil: new Date(Date.now() + 20 * 60_000), adminVersion: { increment: 1 } },
    });
    await expect(unlockUser(admin, stale)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
  });

  it("is refused to everyone but administrators", async () => {
    const u = await lockedUser();
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(unlockUser(actor, await versionOf(u.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
  });
});
