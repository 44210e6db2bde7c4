import { describe, expect, it } from "vitest";
import { objectContaining, stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createTestUser, unique } from "@/test/factories";
import { NON_ADMIN_ROLES, adminActor, auditOf, versionOf } from "@/test/user-fixtures";

async function sectionOwnedBy(userId: string) {
  const name = unique("Section");
  return db.section.create({ data: { name, slug: name.toLowerCase(), order: 1000, owners: { create: [{ userId }] } } });
}

describe("changeUserRole", () => {
  it("changes the role and audits before and after", async () => {
    const admin = await adminActor();
    const target = await createTestUser("PANEL_MEMBER");
    const { user, removedSections } = await changeUserRole(admin, { ...(await versionOf(target.id)), role: "DIRECTOR" });
    expect(user.role).toBe("DIRECTOR");
    expect(removedSections).toEqual([]);
    const [event] = await auditOf(target.id);
    expect(event).toMatchObject({
      action: "user.roleChanged",
      actorId: admin.id,
      before: objectContaining({ role: "PANEL_MEMBER" }),
      after: objectContaining({ role: "DIRECTOR" }),
    });
    expect(event.text).not.toMatch(/argon2|passwordHash/);
  });

  it("removes a service lead's section ownerships in the same change, and records which", async () => {
    const admin = await adminActor();
    const lead = await createTestUser("SERVICE_LEAD", { password: "a-long-test-password" });
    const [a, b] = [await sectionOwnedBy(lead.id), await sectionOwnedBy(lead.id)];
    const { removedSections } = await changeUserRole(admin, { ...(await versionOf(lead.id)), role: "DIRECTOR" });
    expect(removedSections.sort()).toEqual([a.name, b.name].sort());
    expect(await db.sectionOwner.count({ where: { userId: lead.id } })).toBe(0);
    const [event] = await auditOf(lead.id);
    expect((event.before as { sectionsOwned: string[] }).sectionsOwned.sort()).toEqual([a.name, b.name].sort());
    expect(event.after).toMatchObject({ role: "DIRECTOR", sectionsOwned: [] });
    expect(event.text).not.toMatch(/argon2|passwordHash/);
  });

  it("keeps the ownerships when nothing is saved: a stale form changes neither role nor sections", async () => {
    const admin = await adminActor();
    const lead = await createTestUser("SERVICE_LEAD");
    await sectionOwnedBy(lead.id);
    const stale = await versionOf(lead.id);
    await db.user.update({ where: { id: lead.id }, data: { name: "Renamed Meanwhile", adminVersion: { increment: 1 } } });
    await expect(changeUserRole(admin, { ...stale, role: "PANEL_MEMBER" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: stringContaining("after you opened this page"),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: lead.id } })).role).toBe("SERVICE_LEAD");
    expect(await db.sectionOwner.count({ where: { userId: lead.id } })).toBe(1);
    expect(await auditOf(lead.id)).toEqual([]);
  });

  it("lets only one of two changes made from the same page through", async () => {
    const admin = await adminActor();
    const other = await adminActor();
    const target = await createTestUser("PANEL_MEMBER");
    const seen = await versionOf(target.id);
    const results = await Promise.allSettled([
      changeUserRole(admin, { ...seen, role: "DIRECTOR" }),
      changeUserRole(other, { ...seen, role: "SERVICE_LEAD" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await auditOf(target.id)).toHaveLength(1);
  });

  it("refuses an administrator changing their own role", async () => {
    const admin = await adminActor();
    await expect(changeUserRole(admin, { ...(await versionOf(admin.id)), role: "DIRECTOR" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("your own role"),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("lets an administrator demote another administrator while one remains", async () => {
    const admin = await adminActor();
    const other = await createTestUser("ADMIN");
    const { user } = await changeUserRole(admin, { ...(await versionOf(other.id)), role: "DIRECTOR" });
    expect(user.role).toBe("DIRECTOR");
  });

  it("refuses the role the person already has, and a user who does not exist", async () => {
    const admin = await adminActor();
    const target = await createTestUser("DIRECTOR");
    await expect(changeUserRole(admin, { ...(await versionOf(target.id)), role: "DIRECTOR" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { role: stringContaining("already a director") },
    });
    await expect(
      changeUserRole(admin, { userId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, role: "DIRECTOR" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is refused to everyone but administrators", async () => {
    const target = await createTestUser("PANEL_MEMBER");
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(changeUserRole(actor, { ...(await versionOf(target.id)), role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("PANEL_MEMBER");
  });
});
