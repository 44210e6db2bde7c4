// strictUndefinedChecks (prisma/schema.prisma): an undefined in a query is refused, where Prisma
// would otherwise drop the filter and a "delete this user's rows" would delete everyone's.
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { db, forgetQueryArguments } from "@/lib/db";
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
    await expect(db.user.update({ where: { id: user.id }, data: { name: undefined } })).rejects.toThrow(
      /explicitly `undefined` values are not allowed/,
    );
    expect((await db.user.update({ where: { id: user.id }, data: { name: Prisma.skip, active: false } })).name).toBe(user.name);
  });

  it("never reaches a query from an audit event without a before or an after", async () => {
    const entityId = `strict-${Date.now()}-${Math.random()}`;
    await db.$transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: "test.created", entityType: "Test", entityId, after: { a: 1 } }));
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId } });
    expect(event).toMatchObject({ before: null, after: { a: 1 } });
  });
});

// Prisma's debug module keeps its last 100 calls with their arguments, DEBUG or not: a large
// parameter stayed in memory after its query (lib/db.ts, forgetQueryArguments).
describe("a query's large parameter", () => {
  const gc = (() => {
    v8.setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  })();
  const heapAfterGc = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const send = async (i: number) => {
    // About 8 MB of text, different each time.
    const text = JSON.stringify(Array.from({ length: 200_000 }, (_, k) => `row ${k} of upload ${i}, some text`));
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`select length(${text})::int as n`;
    return n;
  };

  it("is let go once forgetQueryArguments has run", async () => {
    await send(0);
    forgetQueryArguments();
    const before = heapAfterGc();
    for (let i = 1; i <= 4; i++) {
      expect(await send(i)).toBeGreaterThan(7_000_000);
      forgetQueryArguments();
    }
    // Without it, four uploads' parameters are still held: well over 32 MB.
    expect(heapAfterGc() - before).toBeLessThan(12 * 1024 * 1024);
  });

  it("is held without it (what forgetQueryArguments is for)", async () => {
    forgetQueryArguments();
    const before = heapAfterGc();
    for (let i = 5; i <= 8; i++) await send(i);
    expect(heapAfterGc() - before).toBeGreaterThan(24 * 1024 * 1024);
    forgetQueryArguments();
  });
});
