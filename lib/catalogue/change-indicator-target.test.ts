import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { createIndicator } from "@/lib/catalogue/create-indicator";
import { changeIndicatorTarget, suggestedTargetMonth } from "@/lib/catalogue/change-indicator-target";
import { addMonths } from "@/lib/format/dates";

class Rollback extends Error {}
import { listCatalogue } from "@/lib/catalogue/list-catalogue";
import { findIndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { targetInForce } from "@/lib/catalogue/target-in-force";
import { createTestSection, indicatorInput } from "@/test/catalogue-fixtures";
import { createTestUser } from "@/test/factories";

async function setUp(overrides: Parameters<typeof indicatorInput>[1] = {}) {
  const admin = await createTestUser("ADMIN");
  const section = await createTestSection();
  const indicator = await createIndicator(admin.sessionUser, indicatorInput(section.id, overrides));
  const version = async () => (await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).updatedAt;
  const change = async (fromMonth: string, target: number | null, tolerance: number | null) =>
    changeIndicatorTarget(admin.sessionUser, { code: indicator.code, expectedUpdatedAt: await version(), fromMonth, target, tolerance });
  return { admin, indicator, version, change };
}

describe("changeIndicatorTarget", () => {
  it("adds a row from the chosen month and keeps the earlier rows as they were", async () => {
    const { admin, indicator, change } = await setUp();
    const original = await change("2018-04", 85, 5);
    await change("2019-06", 90, 3);
    const rows = await db.indicatorTarget.findMany({ where: { indicatorId: indicator.id }, orderBy: { fromMonth: "asc" } });
    expect(rows.map((r) => [r.fromMonth, r.target, r.tolerance])).toEqual([
      ["2018-04", 85, 5],
      ["2019-06", 90, 3],
    ]);
    expect(rows[0]).toEqual(original);
    expect(rows[1].createdById).toBe(admin.id);
    // Months before the change are judged against the old target.
    expect(targetInForce(rows, "2019-05")).toMatchObject({ target: 85, tolerance: 5 });
    expect(targetInForce(rows, "2019-06")).toMatchObject({ target: 90, tolerance: 3 });
    expect(targetInForce(rows, "2026-11")).toMatchObject({ target: 90 });
  });

  it("audits the change with the month it starts from and the target it replaces", async () => {
    const { indicator, change } = await setUp();
    await change("2018-04", 85, 5);
    await change("2019-06", 90, 3);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "indicator.target.changed", entityId: indicator.id, periodMonth: "2019-06" },
    });
    expect(audit.before).toEqual({ code: indicator.code, fromMonth: "2018-04", target: 85, tolerance: 5 });
    expect(audit.after).toEqual({ code: indicator.code, fromMonth: "2019-06", target: 90, tolerance: 3 });
  });

  it("can start between earlier changes, and then applies until the next one", async () => {
    const { indicator, change } = await setUp();
    await change("2018-04", 85, 5);
    await change("2020-04", 95, 2);
    await change("2019-04", 88, 4);
    const found = await findIndicatorForEdit((await createTestUser("ADMIN")).sessionUser, indicator.code, "2019-10");
    expect(found?.targets.map((t) => [t.fromMonth, t.untilMonth])).toEqual([
      ["2020-04", null],
      ["2019-04", "2020-04"],
      ["2018-04", "2019-04"],
    ]);
    expect(found?.inForce).toMatchObject({ target: 88 });
  });

  it("removes a target from a month onwards with a blank target", async () => {
    const { indicator, change } = await setUp();
    await change("2018-04", 85, 5);
    await change("2019-01", null, null);
    const rows = await db.indicatorTarget.findMany({ where: { indicatorId: indicator.id } });
    expect(targetInForce(rows, "2018-12")?.target).toBe(85);
    expect(targetInForce(rows, "2019-01")?.target).toBeNull();
  });

  it("never rewrites a change already made from the same month", async () => {
    const { indicator, change } = await setUp();
    await change("2019-06", 90, 3);
    await expect(change("2019-06", 92, 3)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { fromMonth: stringContaining("There is already a change from June 2019") },
    });
    expect((await db.indicatorTarget.findMany({ where: { indicatorId: indicator.id } })).map((r) => r.target)).toEqual([90]);
  });

  it("refuses a month at or before a signed-off pack", async () => {
    const { change } = await setUp();
    const month = "2099-05";
    await db.period.upsert({
      where: { month },
      create: { month, panelMeetingDate: new Date("2099-06-25"), status: "SIGNED_OFF" },
      update: { status: "SIGNED_OFF" },
    });
    try {
      await expect(change("2099-05", 90, 3)).rejects.toMatchObject({
        fieldErrors: { fromMonth: "The pack for May 2099 is signed off, so a change can start from June 2099 at the earliest" },
      });
      await expect(change("2099-06", 90, 3)).resolves.toMatchObject({ fromMonth: "2099-06" });
    } finally {
      await db.period.delete({ where: { month } });
    }
  });

  it("checks the target against the indicator's unit and decimals", async () => {
    const { change } = await setUp();
    await expect(change("2019-06", 101, 3)).rejects.toMatchObject({
      fieldErrors: { target: "The target a percentage must be from 0 to 100 (got 101)" },
    });
    await expect(change("2019-06", 90.25, 3)).rejects.toMatchObject({
      fieldErrors: { target: stringContaining("more than 1 decimal place") },
    });
    const counts = await setUp({ unit: "COUNT", measureType: "MONTH_END_SNAPSHOT", decimals: 0, polarity: "LOWER_IS_BETTER" });
    await expect(counts.change("2019-06", 40.5, 2)).rejects.toMatchObject({
      fieldErrors: { target: stringContaining("whole number") },
    });
  });

  it("refuses a target for an indicator with no better direction", async () => {
    const { change } = await setUp({ polarity: "NEITHER" });
    await expect(change("2019-06", 90, 3)).rejects.toMatchObject({
      fieldErrors: { target: stringContaining("polarity is Neither") },
    });
  });

  it("refuses a change that changes nothing", async () => {
    const { change } = await setUp();
    await change("2018-04", 85, 5);
    await expect(change("2019-06", 85, 5)).rejects.toMatchObject({ fieldErrors: { target: stringContaining("Nothing was changed") } });
  });

  it("records nothing when no target is chosen for a month that already has none", async () => {
    const { indicator, change } = await setUp({ polarity: "NEITHER" });
    await expect(change("2019-06", null, null)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { fromMonth: "Nothing was changed: there is already no target for June 2019" },
    });
    const [rows, audits] = await Promise.all([
      db.indicatorTarget.count({ where: { indicatorId: indicator.id } }),
      db.auditEvent.count({ where: { action: "indicator.target.changed", entityId: indicator.id } }),
    ]);
    expect([rows, audits]).toEqual([0, 0]);
    // Removing a target that is in force is a change, and is recorded.
    await db.indicatorTarget.create({ data: { indicatorId: indicator.id, fromMonth: "2018-04", target: 50, tolerance: null } });
    await expect(change("2019-06", null, null)).resolves.toMatchObject({ fromMonth: "2019-06", target: null });
    await expect(change("2019-07", null, null)).rejects.toMatchObject({
      fieldErrors: { fromMonth: stringContaining("Nothing was changed") },
    });
  });

  it("suggests the month after the last frozen pack, else the earliest open month", async () => {
    const frozen = await db.period.findFirst({
      where: { status: { in: ["SIGNED_OFF", "PUBLISHED", "AMENDING"] } },
      orderBy: { month: "desc" },
    });
    const open = await db.period.findFirst({ where: { status: "OPEN" }, orderBy: { month: "asc" } });
    const expected = frozen ? addMonths(frozen.month, 1) : (open?.month ?? null);
    expect(await suggestedTargetMonth()).toBe(expected);
    // Not the calendar's next month: the month after the latest frozen pack, however far off.
    const inside = db.$transaction(async (tx) => {
      await tx.period.create({ data: { month: "2200-01", status: "PUBLISHED" } });
      throw new Rollback(String(await suggestedTargetMonth(tx)));
    });
    await expect(inside).rejects.toMatchObject({ message: "2200-02" });
  });

  it("refuses a change based on an out-of-date version", async () => {
    const { admin, indicator, version, change } = await setUp();
    const seen = await version();
    await change("2018-04", 85, 5);
    const late = changeIndicatorTarget(admin.sessionUser, {
      code: indicator.code,
      expectedUpdatedAt: seen,
      fromMonth: "2019-06",
      target: 90,
      tolerance: 3,
    });
    await expect(late).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.indicatorTarget.count({ where: { indicatorId: indicator.id } })).toBe(1);
  });

  it("refuses a service lead", async () => {
    const { indicator, version } = await setUp();
    const lead = await createTestUser("SERVICE_LEAD");
    const attempt = changeIndicatorTarget(lead.sessionUser, {
      code: indicator.code,
      expectedUpdatedAt: await version(),
      fromMonth: "2019-06",
      target: 90,
      tolerance: 3,
    });
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.indicatorTarget.count({ where: { indicatorId: indicator.id } })).toBe(0);
  });
});

describe("listCatalogue", () => {
  it("lists every indicator in pack order with the target in force for the month", async () => {
    const { admin, indicator, change } = await setUp({ order: 2 });
    await change("2018-04", 85, 5);
    await change("2019-06", 90, 3);
    const inactive = await createIndicator(admin.sessionUser, indicatorInput(indicator.sectionId, { active: false, order: 1 }));
    const before = await listCatalogue(admin.sessionUser, "2019-05");
    const mine = before.rows.filter((r) => r.sectionId === indicator.sectionId);
    expect(mine.map((r) => r.code)).toEqual([inactive.code, indicator.code]);
    expect(mine[0]).toMatchObject({ active: false, target: null });
    expect(mine[1]).toMatchObject({ target: 85, tolerance: 5, unit: "PERCENT" });
    expect((await listCatalogue(admin.sessionUser, "2019-06")).rows.find((r) => r.code === indicator.code)).toMatchObject({
      target: 90,
      tolerance: 3,
    });
    expect(before.sections.some((s) => s.id === indicator.sectionId)).toBe(true);
  });

  it("is for administrators only", async () => {
    const lead = await createTestUser("SERVICE_LEAD");
    await expect(listCatalogue(lead.sessionUser)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findIndicatorForEdit(lead.sessionUser, "CP_PLANS")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
