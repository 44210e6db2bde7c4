import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createIndicator } from "@/lib/catalogue/create-indicator";
import { createTestSection, indicatorInput } from "@/test/catalogue-fixtures";
import { createTestUser } from "@/test/factories";

describe("createIndicator", () => {
  it("adds the indicator at the end of its section and audits it", async () => {
    const admin = await createTestUser("ADMIN");
    const section = await createTestSection();
    const first = await createIndicator(admin.sessionUser, indicatorInput(section.id));
    const second = await createIndicator(admin.sessionUser, indicatorInput(section.id, { name: "Second" }));
    expect([first.order, second.order]).toEqual([1, 2]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "indicator.created", entityId: second.id } });
    expect(audit).toMatchObject({ actorId: admin.id, actorName: admin.name, actorRole: "ADMIN", entityType: "Indicator" });
    expect(audit.after).toMatchObject({
      code: second.code,
      name: "Second",
      sectionId: section.id,
      unit: "PERCENT",
      active: true,
      order: 2,
    });
  });

  it("refuses a code that is already used, as a field error, and writes nothing", async () => {
    const admin = await createTestUser("ADMIN");
    const section = await createTestSection();
    const existing = await createIndicator(admin.sessionUser, indicatorInput(section.id));
    const attempt = createIndicator(admin.sessionUser, indicatorInput(section.id, { code: existing.code, name: "Copy" }));
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { code: `There is already an indicator with the code ${existing.code}: choose another code` },
    });
    expect(await db.indicator.count({ where: { code: existing.code } })).toBe(1);
    expect(await db.indicator.count({ where: { name: "Copy", sectionId: section.id } })).toBe(0);
  });

  it("lets only one of two simultaneous adds of the same code through", async () => {
    const admin = await createTestUser("ADMIN");
    const section = await createTestSection();
    const input = indicatorInput(section.id);
    const results = await Promise.allSettled([createIndicator(admin.sessionUser, input), createIndicator(admin.sessionUser, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "VALIDATION", fieldErrors: { code: stringContaining("already an indicator") } });
  });

  it("refuses a section that does not exist", async () => {
    const admin = await createTestUser("ADMIN");
    const attempt = createIndicator(admin.sessionUser, indicatorInput("00000000-0000-4000-8000-000000000000"));
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { sectionId: stringContaining("Select a section") },
    });
  });

  it.each(["SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const)("refuses a %s and writes nothing", async (role) => {
    const user = await createTestUser(role);
    const section = await createTestSection();
    const input = indicatorInput(section.id);
    const attempt = createIndicator(user.sessionUser, input);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.indicator.count({ where: { code: input.code } })).toBe(0);
  });

  it("refuses a signed-out caller", async () => {
    await expect(createIndicator(null, indicatorInput("00000000-0000-4000-8000-000000000000"))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
