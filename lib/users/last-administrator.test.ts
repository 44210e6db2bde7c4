// The last active administrator can never be removed. An administrator cannot remove themselves,
// so the rule bites when two administrators remove each other at once, or act from stale pages.
// It depends on how many administrators exist, so this file runs on a database of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import type { SessionUser } from "@/lib/auth/roles";
import { createOwnDatabase } from "@/test/own-database";

let own: Awaited<ReturnType<typeof createOwnDatabase>>;
let mod: {
  db: typeof import("@/lib/db").db;
  changeUserRole: typeof import("@/lib/users/change-user-role").changeUserRole;
  deactivateUser: typeof import("@/lib/users/deactivate-user").deactivateUser;
  findOrLinkEntraUser: typeof import("@/lib/auth/entra").findOrLinkEntraUser;
};

beforeAll(async () => {
  // lib/db makes its client on first use; nothing in this process may have used it yet.
  if ((globalThis as { prisma?: unknown }).prisma !== undefined) throw new Error("lib/db was used before this file set DATABASE_URL");
  own = await createOwnDatabase("last_admin");
  process.env.DATABASE_URL = own.url;
  mod = {
    db: (await import("@/lib/db")).db,
    changeUserRole: (await import("@/lib/users/change-user-role")).changeUserRole,
    deactivateUser: (await import("@/lib/users/deactivate-user")).deactivateUser,
    findOrLinkEntraUser: (await import("@/lib/auth/entra")).findOrLinkEntraUser,
  };
});

afterAll(async () => {
  await mod?.db.$disconnect();
  await own?.drop();
});

async function twoAdministrators(): Promise<[SessionUser & { adminVersion: number }, SessionUser & { adminVersion: number }]> {
  await mod.db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
  const make = async (n: string) => {
    const u = await mod.db.user.create({ data: { email: `${n}-${Date.now()}-${Math.random()}@test.example`, name: n, role: "ADMIN" } });
    return { id: u.id, name: u.name, email: u.email, role: u.role, adminVersion: u.adminVersion };
  };
  return [await make("Ada"), await make("Bo")];
}

const activeAdmins = () => mod.db.user.count({ where: { role: "ADMIN", active: true } });

describe("the last active administrator", () => {
  it("cannot be deactivated by an administrator acting from a page opened before they were removed", async () => {
    const [ada, bo] = await twoAdministrators();
    await mod.deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion });
    // Bo's request was already under way when Ada removed Bo: Ada is now the only administrator.
    await expect(mod.deactivateUser(bo, { userId: ada.id, expectedVersion: ada.adminVersion })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringContaining("only active administrator"),
    });
    expect(await activeAdmins()).toBe(1);
  });

  it("cannot be demoted either", async () => {
    const [ada, bo] = await twoAdministrators();
    await mod.changeUserRole(ada, { userId: bo.id, expectedVersion: bo.adminVersion, role: "DIRECTOR" });
    await expect(mod.changeUserRole(bo, { userId: ada.id, expectedVersion: ada.adminVersion, role: "PANEL_MEMBER" })).rejects.toMatchObject(
      { code: "INVALID_TRANSITION" },
    );
    expect(await mod.db.user.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  it("survives two administrators removing each other at the same moment: exactly one change goes through", async () => {
    for (let round = 0; round < 3; round++) {
      const [ada, bo] = await twoAdministrators();
      const results = await Promise.allSettled([
        mod.deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion }),
        mod.changeUserRole(bo, { userId: ada.id, expectedVersion: ada.adminVersion, role: "DIRECTOR" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "INVALID_TRANSITION" } });
      expect(await activeAdmins()).toBe(1);
    }
  });

  it("can be removed once another administrator is active", async () => {
    const [ada, bo] = await twoAdministrators();
    const carl = await mod.db.user.create({ data: { email: `carl-${Date.now()}@test.example`, name: "Carl", role: "ADMIN" } });
    await mod.deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion });
    await mod.deactivateUser(carl, { userId: ada.id, expectedVersion: ada.adminVersion });
    expect(await activeAdmins()).toBe(1);
  });

  it("is not demoted by a role from the Entra ID token either", async () => {
    const [ada, bo] = await twoAdministrators();
    await mod.db.user.update({ where: { id: ada.id }, data: { externalId: `oid-${ada.id}` } });
    await mod.deactivateUser(ada, { userId: bo.id, expectedVersion: bo.adminVersion });
    const result = await mod.findOrLinkEntraUser({
      oid: `oid-${ada.id}`,
      email: ada.email,
      name: ada.name,
      roles: ["Scrutiny.PanelMember"],
    });
    expect(result).toMatchObject({ ok: false });
    expect(await mod.db.user.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ role: "ADMIN", active: true });
  });
});
