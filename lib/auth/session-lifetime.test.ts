import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findActiveUser } from "@/lib/auth/current-user";
import { createTestUser } from "@/test/factories";

const HOUR = 3_600_000;

async function sessionStartedAgo(userId: string, ms: number) {
  const createdAt = new Date(Date.now() - ms);
  const row = await db.userSession.create({ data: { userId, createdAt } });
  return { sid: row.id, authAt: createdAt.getTime() };
}

describe("session lifetime", () => {
  it("ends a session 12 hours after sign-in, however often it was refreshed", async () => {
    const u = await createTestUser("DIRECTOR");
    const young = await sessionStartedAgo(u.id, 11 * HOUR);
    expect(await findActiveUser(u.id, young.sid)).toMatchObject({ id: u.id });
    const old = await sessionStartedAgo(u.id, 12 * HOUR + 60_000);
    expect(await findActiveUser(u.id, old.sid)).toBeNull();
  });

  it("ends a signed-out session on the server, so a copied token stops working", async () => {
    const u = await createTestUser("SERVICE_LEAD");
    const { sid } = await sessionStartedAgo(u.id, 60_000);
    expect(await findActiveUser(u.id, sid)).toMatchObject({ id: u.id });
    const { endSession } = await import("@/lib/auth/user-sessions");
    await endSession(sid);
    expect(await findActiveUser(u.id, sid)).toBeNull();
    const event = await db.auditEvent.findFirst({ where: { action: "signIn.signedOut", entityId: u.id } });
    expect(event).toMatchObject({ actorId: u.id });
  });

  it("refuses a token naming no session, or another account's session", async () => {
    const a = await createTestUser("PANEL_MEMBER");
    const b = await createTestUser("PANEL_MEMBER");
    const { sid } = await sessionStartedAgo(a.id, 60_000);
    expect(await findActiveUser(a.id, undefined)).toBeNull();
    expect(await findActiveUser(b.id, sid)).toBeNull();
  });
});
