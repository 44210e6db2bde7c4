import { describe, expect, it } from "vitest";
import { objectContaining, stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { findActiveUser } from "@/lib/auth/current-user";
import { startSession } from "@/lib/auth/user-sessions";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { createTestUser, unique } from "@/test/factories";
import { NON_ADMIN_ROLES, adminActor, auditOf, versionOf } from "@/test/user-fixtures";

const PASSWORD = "a-long-test-password";

describe("deactivateUser and reactivateUser", () => {
  it("stops sign-in and the current session at once, keeps sections, and reactivation restores both", async () => {
    const admin = await adminActor();
    const lead = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const name = unique("Owned");
    await db.section.create({ data: { name, slug: name.toLowerCase(), order: 1000, owners: { create: [{ userId: lead.id }] } } });
    const { sid } = await startSession(lead.id);
    expect(await findActiveUser(lead.id, sid)).not.toBeNull();

    const off = await deactivateUser(admin, await versionOf(lead.id));
    expect(off.active).toBe(false);
    expect(await findActiveUser(lead.id, sid)).toBeNull();
    expect(await authenticate(lead.email, PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.sectionOwner.count({ where: { userId: lead.id } })).toBe(1);

    const on = await reactivateUser(admin, await versionOf(lead.id));
    expect(on.active).toBe(true);
    expect((await authenticate(lead.email, PASSWORD)).ok).toBe(true);

    const events = await auditOf(lead.id);
    expect(events.map((e) => e.action)).toEqual(["user.deactivated", "user.reactivated"]);
    expect(events[0]).toMatchObject({
      before: objectContaining({ active: true }),
      after: objectContaining({ active: false }),
    });
    for (const e of events) expect(e.text).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses an administrator deactivating themselves", async () => {
    const admin = await adminActor();
    await expect(deactivateUser(admin, await versionOf(admin.id))).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("your own account"),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("lets an administrator deactivate another administrator while one remains", async () => {
    const admin = await adminActor();
    const other = await createTestUser("ADMIN");
    expect((await deactivateUser(admin, await versionOf(other.id))).active).toBe(false);
  });

  it("refuses a stale page, and a change that is already made", async () => {
    const admin = await adminActor();
    const target = await createTestUser("DIRECTOR");
    const stale = await versionOf(target.id);
    await db.user.update({ where: { id: target.id }, data: { role: "PANEL_MEMBER", adminVersion: { increment: 1 } } });
    await expect(deactivateUser(admin, stale)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);

    await deactivateUser(admin, await versionOf(target.id));
    await expect(deactivateUser(admin, await versionOf(target.id))).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("already deactivated"),
    });
    const fresh = await versionOf(target.id);
    await reactivateUser(admin, fresh);
    await expect(reactivateUser(admin, fresh)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("already active"),
    });
    expect((await auditOf(target.id)).map((e) => e.action)).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("is refused to everyone but administrators", async () => {
    const target = await createTestUser("PANEL_MEMBER");
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(deactivateUser(actor, await versionOf(target.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reactivateUser(actor, await versionOf(target.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
  });
});
