import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createTestUser } from "@/test/factories";
import { adminActor, versionOf } from "@/test/user-fixtures";

const PASSWORD = "a-long-test-password";

describe("containing a compromised account", () => {
  it("deactivates while someone keeps signing in and failing with the account", async () => {
    const admin = await adminActor();
    const victim = await createTestUser("DIRECTOR", { password: PASSWORD });
    const page = await versionOf(victim.id);
    // The attacker signs in, and fails, between the administrator opening the page and pressing the button.
    expect((await authenticate(victim.email, PASSWORD)).ok).toBe(true);
    await authenticate(victim.email, "wrong-guess");
    expect((await deactivateUser(admin, page)).active).toBe(false);
  });

  it("resets and re-roles on a page opened before the account's sign-ins", async () => {
    const admin = await adminActor();
    const victim = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const page = await versionOf(victim.id);
    await authenticate(victim.email, PASSWORD);
    await resetUserPassword(admin, page);
    const next = await versionOf(victim.id);
    await authenticate(victim.email, "wrong-guess");
    expect((await changeUserRole(admin, { ...next, role: "PANEL_MEMBER" })).user.role).toBe("PANEL_MEMBER");
    // An administrator's own change still makes an older page stale.
    await expect(changeUserRole(admin, { ...page, role: "DIRECTOR" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).role).toBe("PANEL_MEMBER");
  });
});
