// Issue 25, item 7: a password an administrator chose (a new account, or a reset) signs in for 72
// hours after it was set; after that it is refused with a message to ask for a new one. The moment
// it was set is stamped by the database (passwordSetAt), so the tests move the clock by passing `now`.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { addUser } from "@/lib/users/add-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { unique } from "@/test/factories";
import { adminActor, versionOf } from "@/test/user-fixtures";

const HOUR = 3_600_000;
const later = (from: Date, hours: number) => new Date(from.getTime() + hours * HOUR);
const stamp = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordSetAt!;

describe("a password an administrator set", () => {
  it("signs in for 72 hours, then is refused (with the right password only) and asks for a new one", async () => {
    const admin = await adminActor();
    const before = Date.now();
    const { user, password } = await addUser(admin, {
      name: "New Person",
      email: `${unique("expiry")}@test.example`,
      role: "PANEL_MEMBER",
    });
    const setAt = await stamp(user.id);
    // Stamped by the database when the hash was stored.
    expect(Math.abs(setAt.getTime() - before)).toBeLessThan(60_000);

    expect(await authenticate(user.email, password, later(setAt, 71.9))).toMatchObject({ ok: true, mustChangePassword: true });
    expect(await authenticate(user.email, password, later(setAt, 72.1))).toEqual({ ok: false, reason: "PASSWORD_EXPIRED" });
    expect(await authenticate(user.email, "not-the-password", later(setAt, 72.1))).toEqual({ ok: false, reason: "INVALID" });
    expect(signInErrorMessage("PASSWORD_EXPIRED")).toMatch(/expired\. Ask an administrator for a new one/);
  });

  it("counts again from a reset, and no longer expires once the person has chosen their own", async () => {
    const admin = await adminActor();
    const { user } = await addUser(admin, { name: "Reset Person", email: `${unique("expiry")}@test.example`, role: "DIRECTOR" });
    // Forced into the past: the first password was set long ago.
    await db.user.update({ where: { id: user.id }, data: { passwordSetAt: new Date("2020-01-01T00:00:00Z") } });
    const { password } = await resetUserPassword(admin, await versionOf(user.id));
    const setAt = await stamp(user.id);
    expect(setAt.getTime()).toBeGreaterThan(new Date("2026-01-01").getTime());
    expect((await authenticate(user.email, password, later(setAt, 1))).ok).toBe(true);

    // The person's own password (mustChangePassword off) has no such limit.
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    expect((await authenticate(user.email, password, later(setAt, 24 * 365))).ok).toBe(true);
  });
});
