import { describe, expect, it } from "vitest";
import { objectContaining } from "@/test/matchers";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { findOrLinkEntraUser } from "@/lib/auth/entra";
import { createTestUser } from "@/test/factories";

const TENANT = "11111111-2222-4333-8444-555555555555";
const token = (oid: string, email: string, roles: string[], name = "Entra Person") => ({ oid, email, roles, name, tid: TENANT });
const ok = (r: unknown) => (r && typeof r === "object" && "ok" in r ? (r as { ok: boolean }).ok : r !== null);
const events = (userId: string) => db.auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { id: "asc" } });

describe("Entra ID linking", () => {
  it("links an account by email once, when it has no external id, and records the link", async () => {
    const local = await createTestUser("SERVICE_LEAD");
    const oid = randomUUID();
    expect(ok(await findOrLinkEntraUser(token(oid, local.email, ["Scrutiny.ServiceLead"]), TENANT))).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: local.id } })).externalId).toBe(oid);
    expect((await events(local.id)).map((e) => e.action)).toContain("user.entraLinked");
  });

  it("never re-links an account already linked to another Entra object id", async () => {
    const victim = await createTestUser("ADMIN");
    const victimOid = randomUUID();
    await db.user.update({ where: { id: victim.id }, data: { externalId: victimOid } });
    // Someone else's Entra identity carries the victim's email and a weaker role.
    const result = await findOrLinkEntraUser(token(randomUUID(), victim.email, ["Scrutiny.PanelMember"], "Mallory"), TENANT);
    expect(ok(result)).toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(after).toMatchObject({ externalId: victimOid, role: "ADMIN", name: victim.name });
  });

  it("records a role change that comes from the token", async () => {
    const oid = randomUUID();
    const email = `${oid}@test.example`;
    expect(ok(await findOrLinkEntraUser(token(oid, email, ["Scrutiny.PanelMember"]), TENANT))).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { externalId: oid } });
    expect(ok(await findOrLinkEntraUser(token(oid, email, ["Scrutiny.Director"]), TENANT))).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("DIRECTOR");
    const changed = (await events(user.id)).find((e) => e.action === "user.roleChanged");
    expect(changed).toMatchObject({
      before: objectContaining({ role: "PANEL_MEMBER" }),
      after: objectContaining({ role: "DIRECTOR" }),
    });
  });
});
