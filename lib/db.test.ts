// strictUndefinedChecks (prisma/schema.prisma): an undefined in a query is refused, where Prisma
// would otherwise drop the filter and a "delete this user's rows" would delete everyone's.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SYSTEM_ACTOR, recordAudit } from "@/lib/audit/record";
import { createTestUser } from "@/test/factories";

describe("undefined in a query", () => {
  it("is refused in a where, and nothing is deleted", async () => {
    const user = await createTestUser("PANEL_MEMBER");
    const missing = {} as { id?: string };
    await expect(db.user.deleteMany({ where: { id: missing.id } })).rejects.toThrow(/explicitly `undefined` values are not allowed/);
    await expect(db.user.findFirst({ where: { email: undefined } })).rejects.toThrow(/explicitly `undefined` values are not allowed/);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("is refused in data; Prisma.skip leaves the field out", async () => {
    const user = await createTestUser("PANEL_MEMBER");
    await expect(db.user.update({ where: { id: user.id }, data: { name: undefined } })).rejects.toThrow(/explicitly `undefined` values are not allowed/);
    expect((await db.user.update({ where: { id: user.id }, data: { name: Prisma.skip, active: false } })).name).toBe(user.name);
  });

  it("never reaches a query from an audit event without a before or an after", async () => {
    const entityId = `strict-${Date.now()}-${Math.random()}`;
    await db.$transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: "test.created", entityType: "Test", entityId, after: { a: 1 } }));
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId } });
    expect(event).toMatchObject({ before: null, after: { a: 1 } });
  });
});
