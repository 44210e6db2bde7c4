import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findActiveUser } from "@/lib/auth/current-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createTestUser } from "@/test/factories";

describe("findActiveUser", () => {
  it("ends sessions that signed in before a password reset, and keeps later ones", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const lead = await createTestUser("SERVICE_LEAD", { password: "an-old-password-123" });
    const signedInEarlier = Date.now() - 60_000;
    expect(await findActiveUser(lead.id, signedInEarlier)).toMatchObject({ id: lead.id, role: "SERVICE_LEAD" });

    const current = await db.user.findUniqueOrThrow({ where: { id: lead.id } });
    await resetUserPassword(admin, { userId: lead.id, expectedVersion: current.adminVersion });
    expect(await findActiveUser(lead.id, signedInEarlier)).toBeNull();
    expect(await findActiveUser(lead.id, Date.now() + 1000)).toMatchObject({ id: lead.id });
  });

  it("refuses deactivated and unknown accounts", async () => {
    const panel = await createTestUser("PANEL_MEMBER", { active: false });
    expect(await findActiveUser(panel.id, Date.now())).toBeNull();
    expect(await findActiveUser("00000000-0000-0000-0000-000000000000", Date.now())).toBeNull();
    expect(await findActiveUser(undefined)).toBeNull();
  });
});
