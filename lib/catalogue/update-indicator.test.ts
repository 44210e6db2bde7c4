import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createIndicator } from "@/lib/catalogue/create-indicator";
import { updateIndicator } from "@/lib/catalogue/update-indicator";
import { INDICATOR_CONFLICT } from "@/lib/catalogue/claim-indicator-version";
import { createTestSection, indicatorInput } from "@/test/catalogue-fixtures";
import { createTestUser } from "@/test/factories";

async function setUp() {
  const admin = await createTestUser("ADMIN");
  const section = await createTestSection();
  const indicator = await createIndicator(admin.sessionUser, indicatorInput(section.id, { order: 4 }));
  const { id: _id, createdAt: _c, updatedAt, ...fields } = indicator;
  const change = { ...fields, expectedUpdatedAt: updatedAt };
  return { admin, section, indicator, change };
}

describe("updateIndicator", () => {
  it("saves the changed fields, moves the version on and audits only what changed", async () => {
    const { admin, indicator, change } = await setUp();
    const outcome = await updateIndicator(admin.sessionUser, { ...change, name: "Renamed", active: false, decimals: 2 });
    expect(outcome.changed.sort()).toEqual(["active", "decimals", "name"]);
    const saved = await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect(saved).toMatchObject({ name: "Renamed", active: false, decimals: 2, order: 4, code: indicator.code });
    expect(saved.updatedAt.getTime()).toBeGreaterThan(indicator.updatedAt.getTime());
    expect(saved.updatedAt).toEqual(outcome.updatedAt);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "indicator.updated", entityId: indicator.id } });
    expect(audit.before).toEqual({ code: indicator.code, name: indicator.name, active: true, decimals: 1 });
    expect(audit.after).toEqual({ code: indicator.code, name: "Renamed", active: false, decimals: 2 });
  });

  it("refuses a save based on an out-of-date version and keeps the other person's change", async () => {
    const { admin, indicator, change } = await setUp();
    await updateIndicator(admin.sessionUser, { ...change, name: "First editor" });
    const late = updateIndicator(admin.sessionUser, { ...change, name: "Second editor" });
    await expect(late).rejects.toMatchObject({ code: "CONFLICT", message: INDICATOR_CONFLICT });
    expect((await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).name).toBe("First editor");
    expect(await db.auditEvent.count({ where: { action: "indicator.updated", entityId: indicator.id } })).toBe(1);
  });

  it("lets only one of two simultaneous saves from the same version through", async () => {
    const { admin, indicator, change } = await setUp();
    const results = await Promise.allSettled([
      updateIndicator(admin.sessionUser, { ...change, name: "A" }),
      updateIndicator(admin.sessionUser, { ...change, name: "B" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const saved = await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(saved.name).toBe(winner === 0 ? "A" : "B");
  });

  it("does nothing, and audits nothing, when nothing changed", async () => {
    const { admin, indicator, change } = await setUp();
    const outcome = await updateIndicator(admin.sessionUser, change);
    expect(outcome.changed).toEqual([]);
    expect((await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).updatedAt).toEqual(indicator.updatedAt);
    expect(await db.auditEvent.count({ where: { action: "indicator.updated", entityId: indicator.id } })).toBe(0);
  });

  it("moves to the end of a newly chosen section when no position is given", async () => {
    const { admin, indicator, change } = await setUp();
    const other = await createTestSection();
    await createIndicator(admin.sessionUser, indicatorInput(other.id));
    await updateIndicator(admin.sessionUser, { ...change, sectionId: other.id, order: null });
    expect(await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).toMatchObject({ sectionId: other.id, order: 2 });
  });

  it("refuses an unknown code and a non-administrator", async () => {
    const { admin, change } = await setUp();
    await expect(updateIndicator(admin.sessionUser, { ...change, code: "NO_SUCH_CODE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const lead = await createTestUser("SERVICE_LEAD");
    await expect(updateIndicator(lead.sessionUser, { ...change, name: "Lead edit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
