import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/sign-in";
import { addUser } from "@/lib/users/add-user";
import { unique } from "@/test/factories";
import { createTestUser } from "@/test/factories";
import { NON_ADMIN_ROLES, adminActor, auditOf } from "@/test/user-fixtures";

describe("addUser", () => {
  it("stores the email in lower case, hashes a generated password it returns once, and audits without the hash", async () => {
    const admin = await adminActor();
    const local = unique("New.Person");
    const { user, password } = await addUser(admin, { name: "  Nia Person ", email: ` ${local}@Council.Example `, role: "SERVICE_LEAD" });
    expect(user).toMatchObject({ name: "Nia Person", email: `${local.toLowerCase()}@council.example`, role: "SERVICE_LEAD" });
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);
    expect(await verifyPassword(row.passwordHash!, password)).toBe(true);
    expect((await authenticate(user.email.toUpperCase(), password)).ok).toBe(true);

    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({ action: "user.added", actorId: admin.id, actorName: admin.name, actorRole: "ADMIN", before: null });
    expect(event.after).toMatchObject({ name: "Nia Person", email: user.email, role: "SERVICE_LEAD", active: true });
    expect(event.text).not.toMatch(/argon2|passwordHash/);
    expect(event.text).not.toContain(password);
  });

  it("refuses an email that is already taken, whatever its case, as a field error", async () => {
    const admin = await adminActor();
    const existing = await createTestUser("DIRECTOR");
    await expect(addUser(admin, { name: "Twin", email: existing.email.toUpperCase(), role: "DIRECTOR" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: stringContaining("already has an account") },
    });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("refuses two administrators adding the same person at the same moment, letting exactly one through", async () => {
    const admin = await adminActor();
    const email = `${unique("race")}@test.example`;
    const results = await Promise.allSettled([1, 2].map(() => addUser(admin, { name: "Race", email, role: "PANEL_MEMBER" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "VALIDATION" } });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("explains each missing or wrong field", async () => {
    const admin = await adminActor();
    await expect(addUser(admin, { name: " ", email: "not-an-email", role: "KING" as never })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: "Enter the person's full name", email: stringContaining("correct format"), role: "Select a role" },
    });
  });

  it("is refused to everyone but administrators, and to nobody signed in", async () => {
    for (const role of NON_ADMIN_ROLES) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(addUser(actor, { name: "X", email: `${unique("x")}@test.example`, role: "ADMIN" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(addUser(null, { name: "X", email: `${unique("x")}@test.example`, role: "ADMIN" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
