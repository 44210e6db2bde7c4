import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { createTestUser } from "@/test/factories";

const PASSWORD = "a-long-test-password";

describe("sign-in and lockout", () => {
  it("signs in with the right password, any email case, and resets the failure count", async () => {
    const u = await createTestUser("DIRECTOR", { password: PASSWORD });
    await db.user.update({ where: { id: u.id }, data: { failedSignIns: 3 } });
    const r = await authenticate(u.email.toUpperCase(), PASSWORD);
    expect(r).toEqual({ ok: true, user: { id: u.id, name: u.name, email: u.email, role: "DIRECTOR" }, mustChangePassword: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).failedSignIns).toBe(0);
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const u = await createTestUser("ADMIN", { password: PASSWORD });
    expect(await authenticate(u.email, "wrong-password")).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate("nobody@test.example", PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("locks the account for 15 minutes after 5 failures, even against the right password", async () => {
    const u = await createTestUser("SERVICE_LEAD", { password: PASSWORD });
    const now = new Date("2026-01-10T10:00:00Z");
    for (let i = 1; i <= 4; i++) expect((await authenticate(u.email, `wrong-${i}`, now)).ok).toBe(false);
    expect(await authenticate(u.email, "wrong-5", now)).toEqual({ ok: false, reason: "LOCKED" });
    const locked = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(locked.lockedUntil?.toISOString()).toBe("2026-01-10T10:15:00.000Z");
    expect(await authenticate(u.email, PASSWORD, new Date("2026-01-10T10:14:59Z"))).toEqual({ ok: false, reason: "LOCKED" });
    expect((await authenticate(u.email, PASSWORD, new Date("2026-01-10T10:15:01Z"))).ok).toBe(true);
    const audit = await db.auditEvent.findFirst({ where: { action: "user.locked", entityId: u.id } });
    expect(audit).not.toBeNull();
  });

  it("counts concurrent failures without losing any", async () => {
    const u = await createTestUser("ADMIN", { password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => authenticate(u.email, `wrong-${i}`)));
    expect(results.some((r) => !r.ok && r.reason === "LOCKED")).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
  });

  it("refuses a deactivated account", async () => {
    const u = await createTestUser("PANEL_MEMBER", { password: PASSWORD, active: false });
    expect(await authenticate(u.email, PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
  });
});
