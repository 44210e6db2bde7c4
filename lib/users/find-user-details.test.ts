import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findUserDetails } from "@/lib/users/find-user-details";
import { listUsers } from "@/lib/users/list-users";
import { createTestUser, unique } from "@/test/factories";
import { NON_ADMIN_ROLES, adminActor } from "@/test/user-fixtures";

describe("reading accounts", () => {
  it("gives an administrator an account with its sections, and never the password hash", async () => {
    const admin = await adminActor();
    const lead = await createTestUser("SERVICE_LEAD", { password: "a-long-test-password" });
    const name = unique("Read section");
    await db.section.create({ data: { name, slug: name.toLowerCase(), order: 1000, owners: { create: [{ userId: lead.id }] } } });
    const details = await findUserDetails(admin, lead.id);
    expect(details).toMatchObject({ id: lead.id, email: lead.email, hasPassword: true, sections: [expect.objectContaining({ name })] });
    expect(JSON.stringify(details)).not.toMatch(/argon2|passwordHash/);
    const listed = await listUsers(admin);
    expect(listed.find((u) => u.id === lead.id)).toMatchObject({ email: lead.email, role: "SERVICE_LEAD", active: true });
    expect(JSON.stringify(listed)).not.toMatch(/argon2|passwordHash/);
  });

  it("answers not found for an unknown or malformed id", async () => {
    const admin = await adminActor();
    await expect(findUserDetails(admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findUserDetails(admin, "'; drop table")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is refused to everyone but administrators", async () => {
    const someone = await createTestUser("PANEL_MEMBER");
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(listUsers(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findUserDetails(actor, someone.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
