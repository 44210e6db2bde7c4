import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findActiveUser } from "@/lib/auth/current-user";
import { startSession } from "@/lib/auth/user-sessions";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createTestUser } from "@/test/factories";

describe("findActiveUser", () => {
  it("ends sessions that signed in before a password reset, and keeps later ones", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const lead = await createTestUser("SERVICE_LEAD", { password: "an-old-password-123" });
    const earlier = await startSession(lead.id);
    expect(await findActiveUser(lead.id, earlier.sid)).toMatchObject({ id: lead.id, role: "SERVICE_LEAD" });

    const current = await db.user.findUniqueOrThrow({ where: { id: lead.id } });
    await new Promise((r) => setTimeout(r, 5));
    await resetUserPassword(admin, { userId: lead.id, expectedVersion: current.adminVersion });
    expect(await findActiveUser(lead.id, earlier.sid)).toBeNull();
    // A reset password is good only for choosing a new one, so the later session is not in the app either.
    await db.user.update({ where: { id: lead.id }, data: { mustChangePassword: false } });
    await new Promise((r) => setTimeout(r, 5));
    expect(await findActiveUser(lead.id, (await startSession(lead.id)).sid)).toMatchObject({ id: lead.id });
  });

  it("refuses deactivated and unknown accounts", async () => {
    const panel = await createTestUser("PANEL_MEMBER", { active: false });
    expect(await findActiveUser(panel.id, (await startSession(panel.id)).sid)).toBeNull();
    expect(await findActiveUser("00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await findActiveUser(undefined, undefined)).toBeNull();
  });
});
