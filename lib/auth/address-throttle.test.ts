// Issue 25, item 9: attempts refused by the per-address back-off no longer write an audit row each
// (an attacker could bury real events under them): one event at a window's first refusal, and one
// with the count when the window is pruned. Ended windows' rows are deleted, so a sweep of many
// addresses leaves no rows behind.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { ADDRESS_ENTITY } from "@/lib/auth/address-throttle";
import { createTestUser, unique } from "@/test/factories";

const PASSWORD = "a-long-test-password";
const at = (iso: string) => new Date(iso);
const eventsAbout = (address: string) =>
  db.auditEvent.findMany({
    where: { OR: [{ entityType: ADDRESS_ENTITY, entityId: address }, { after: { path: ["address"], equals: address } }] },
    orderBy: { id: "asc" },
  });

describe("throttled sign-in attempts", () => {
  it("make one audit event per address and window, and one with the count once the window has ended", async () => {
    const address = `198.51.100.7-${unique("bury")}`;
    const u = await createTestUser("PANEL_MEMBER", { password: PASSWORD });
    const start = at("2026-03-01T10:00:00Z");
    for (let i = 1; i <= 10; i++) await authenticate(`${unique("nobody")}@test.example`, `wrong-${i}`, start, address);
    for (let i = 1; i <= 30; i++)
      expect(await authenticate(u.email, `guess-${i}`, at("2026-03-01T10:05:00Z"), address)).toEqual({ ok: false, reason: "THROTTLED" });

    const during = await eventsAbout(address);
    expect(during.filter((e) => e.action === "signIn.failed")).toHaveLength(10);
    const throttled = during.filter((e) => e.action !== "signIn.failed");
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ action: "signIn.throttled", entityType: ADDRESS_ENTITY, entityId: address });
    expect(await db.signInThrottle.findUnique({ where: { address } })).toMatchObject({ failures: 10, refused: 30 });

    // Any attempt after the window (here from another address) prunes it and records the total.
    expect((await authenticate(u.email, PASSWORD, at("2026-03-01T10:15:01Z"), `${address}-other`)).ok).toBe(true);
    expect(await db.signInThrottle.findUnique({ where: { address } })).toBeNull();
    const ended = (await eventsAbout(address)).filter((e) => e.action === "signIn.throttleEnded");
    expect(ended).toHaveLength(1);
    expect(ended[0].after).toMatchObject({ address, failures: 10, refused: 30 });
  });

  it("leave no rows behind for addresses whose windows have ended", async () => {
    const prefix = `203.0.113.${unique("sweep")}`;
    const u = await createTestUser("PANEL_MEMBER", { password: PASSWORD });
    for (let i = 0; i < 25; i++) await authenticate(u.email, "wrong", at("2026-04-01T09:00:00Z"), `${prefix}-${i}`);
    await db.user.update({ where: { id: u.id }, data: { failedSignIns: 0, lockedUntil: null } });
    expect(await db.signInThrottle.count({ where: { address: { startsWith: prefix } } })).toBe(25);
    await authenticate(u.email, PASSWORD, at("2026-04-01T09:15:01Z"), `${prefix}-late`);
    // Only the address that just tried still has a row; the sweep's ended windows wrote no events.
    expect(await db.signInThrottle.findMany({ where: { address: { startsWith: prefix } }, select: { address: true } })).toEqual([
      { address: `${prefix}-late` },
    ]);
    expect(await db.auditEvent.count({ where: { action: "signIn.throttleEnded", entityId: { startsWith: prefix } } })).toBe(0);
  });
});
