// The last active administrator can never be removed. An administrator cannot remove themselves,
// so the rule bites when two administrators remove each other at once, or act from stale pages.
// It depends on how many administrators exist: like every database test file, this one has a database of its own.
import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { changeUserRole } from "@/lib/users/change-user-role";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { findOrLinkEntraUser } from "@/lib/auth/entra";

async function twoAdministrators(): Promise<[SessionUser & { adminVersion: number }, SessionUser & { adminVersion: number }]> {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
  const make = async (n: string) => {
    const u = await db.user.create({ data: { email: `${n}-${Date.now()}-${Math.random()}@test.example`, name: n, role: "ADMIN" } });
    return { id: u.id, name: u.name, email: u.email, role: u.role, adminVersion: u.adminVersion };
  };
  return [await make("Ada"), await make("Bo")];
}

const activeAdmins = () => db.user.count({ where: { role: "ADMIN", active: true } });

describe("the last active administrator", () => {
  it("cannot be deactivated by an administrator acting from a page opened before they were removed", async () => {
    const [ada, bo] = await twoAdministrators();
    await deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion });
    // Bo's request was already under way when Ada removed Bo: Ada is now the only administrator.
    await expect(deactivateUser(bo, { userId: ada.id, expectedVersion: ada.adminVersion })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("only active administrator"),
    });
    expect(await activeAdmins()).toBe(1);
  });

  it("cannot be demoted either", async () => {
    const [ada, bo] = await twoAdministrators();
    await changeUserRole(ada, { userId: bo.id, expectedVersion: bo.adminVersion, role: "DIRECTOR" });
    await expect(changeUserRole(bo, { userId: ada.id, expectedVersion: ada.adminVersion, role: "PANEL_MEMBER" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  it("survives two administrators removing each other at the same moment: exactly one change goes through", async () => {
    for (let round = 0; round < 3; round++) {
      const [ada, bo] = await twoAdministrators();
      const results = await Promise.allSettled([
        deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion }),
        changeUserRole(bo, { userId: ada.id, expectedVersion: ada.adminVersion, role: "DIRECTOR" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "INVALID_TRANSITION" } });
      expect(await activeAdmins()).toBe(1);
    }
  });

  it("can be removed once another administrator is active", async () => {
    const [ada, bo] = await twoAdministrators();
    const carl = await db.user.create({ data: { email: `carl-${Date.now()}@test.example`, name: "Carl", role: "ADMIN" } });
    await deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion });
    await deactivateUser(carl, { userId: ada.id, expectedVersion: ada.adminVersion });
    expect(await activeAdmins()).toBe(1);
  });

  it("is not demoted by a role from the Entra ID token either", async () => {
    const [ada, bo] = await twoAdministrators();
    await db.user.update({ where: { id: ada.id }, data: { externalId: `oid-${ada.id}` } });
    await deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion });
    const tenant = "11111111-2222-4333-8444-555555555555";
    const result = await findOrLinkEntraUser(
      { oid: `oid-${ada.id}`, tid: tenant, email: ada.email, name: ada.name, roles: ["Scrutiny.PanelMember"] },
      tenant,
    );
    expect(result).toMatchObject({ ok: false, reason: "LAST_ADMIN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ role: "ADMIN", active: true });
  });
});
