import { describe, expect, it } from "vitest";
import { objectContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createTestUser } from "@/test/factories";
import { NON_ADMIN_ROLES, adminActor, auditOf, versionOf } from "@/test/user-fixtures";

const OLD = "the-old-long-password";

describe("resetUserPassword", () => {
  it("replaces the password, lifts a lockout and audits without the hash or the password", async () => {
    const admin = await adminActor();
    const target = await createTestUser("DIRECTOR", { password: OLD });
    await db.user.update({ where: { id: target.id }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000), failedSignIns: 3 } });
    const oldHash = (await db.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash!;

    const { password } = await resetUserPassword(admin, await versionOf(target.id));
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ lockedUntil: null, failedSignIns: 0 });
    expect(row.passwordHash).not.toBe(oldHash);
    expect((await authenticate(target.email, password)).ok).toBe(true);
    expect(await authenticate(target.email, OLD)).toEqual({ ok: false, reason: "INVALID" });

    const [event] = await auditOf(target.id);
    expect(event).toMatchObject({
      action: "user.passwordReset",
      actorId: admin.id,
      after: objectContaining({ password: "replaced", lockedUntil: null }),
    });
    expect(event.text).not.toMatch(/argon2|passwordHash/);
    expect(event.text).not.toContain(oldHash);
    expect(event.text).not.toContain(row.passwordHash!);
    expect(event.text).not.toContain(password);
  });

  it("refuses a stale page and leaves the old password working", async () => {
    const admin = await adminActor();
    const target = await createTestUser("PANEL_MEMBER", { password: OLD });
    const stale = await versionOf(target.id);
    await db.user.update({ where: { id: target.id }, data: { name: "Changed Meanwhile", adminVersion: { increment: 1 } } });
    await expect(resetUserPassword(admin, stale)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await authenticate(target.email, OLD)).ok).toBe(true);
    expect(await auditOf(target.id)).toEqual([]);
  });

  it("is refused to everyone but administrators", async () => {
    const target = await createTestUser("PANEL_MEMBER", { password: OLD });
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(resetUserPassword(actor, await versionOf(target.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await authenticate(target.email, OLD)).ok).toBe(true);
  });
});
