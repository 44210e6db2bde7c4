import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { findValueGrid } from "@/lib/values/find-value-grid";
import { findPeriodOverview, describeValuesProgress } from "@/lib/periods/find-period-overview";
import { listPeriods } from "@/lib/periods/list-periods";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

async function setup(status: "OPEN" | "SIGNED_OFF" = "OPEN") {
  const admin = (await createTestUser("ADMIN")).sessionUser;
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const own = await createSection([lead.id]);
  const other = await createSection([]);
  const code = unique("TIMELY").toUpperCase().replace(/-/g, "_");
  const timely = await db.indicator.create({
    data: {
      code,
      name: "Visits on time",
      sectionId: own.id,
      definition: "x",
      unit: "PERCENT",
      polarity: "HIGHER_IS_BETTER",
      measureType: "IN_MONTH_PERCENT",
      decimals: 1,
      order: 1,
      targets: { create: [{ fromMonth: "2000-01", target: 80, tolerance: 5 }] },
    },
  });
  const otherIndicator = await db.indicator.create({
    data: {
      code: `${code}_B`,
      name: "Other figure",
      sectionId: other.id,
      definition: "x",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      order: 1,
    },
  });
  const month = uniqueMonth();
  const period = await createPeriod({ month, status });
  const lastMonth = await createPeriod({ month: addMonths(month, -1) });
  const lastYear = await createPeriod({ month: addMonths(month, -12) });
  const put = (periodId: string, indicatorId: string, value: number | null, reason: string | null = null) =>
    db.indicatorValue.create({
      data: { periodId, indicatorId, value, notAvailableReason: reason, source: "IMPORT", updatedByName: "Test" },
    });
  await put(period.id, timely.id, 76);
  await put(lastMonth.id, timely.id, 81);
  await put(lastYear.id, timely.id, 70);
  return { admin, lead, director, panel, own, other, timely, otherIndicator, period, month, put };
}

describe("findValueGrid", () => {
  it("gives each row its figures, target, RAG and direction, and says who may edit which section", async () => {
    const { lead, admin, director, own, other, timely, month } = await setup();
    const grid = await findValueGrid(lead, month);
    const ownSection = grid!.sections.find((s) => s.id === own.id)!;
    const otherSection = grid!.sections.find((s) => s.id === other.id)!;
    expect(ownSection.canEdit).toBe(true);
    expect(otherSection.canEdit).toBe(false);
    const row = ownSection.rows.find((r) => r.indicatorId === timely.id)!;
    expect(row).toMatchObject({
      lastMonth: { value: 81, notAvailableReason: null },
      lastYear: { value: 70, notAvailableReason: null },
      current: { value: 76, revision: 1, changes: 0 },
      judgement: {
        target: { value: 80, tolerance: 5 },
        rag: "AMBER",
        vsLastMonth: { movement: "DOWN", verdict: "WORSE" },
        vsLastYear: { movement: "UP", verdict: "IMPROVED" },
        changeVsLastMonth: "-5.0 percentage points",
      },
    });
    expect((await findValueGrid(admin, month))!.sections.every((s) => s.canEdit)).toBe(true);
    expect((await findValueGrid(director, month))!.canEditAny).toBe(false);
  });

  it("is read-only for everyone once signed off, null for an unknown month, refused to the panel", async () => {
    const { admin, panel, month, period } = await setup("SIGNED_OFF");
    try {
      const grid = await findValueGrid(admin, month);
      expect(grid!.editable).toBe(false);
      expect(grid!.canEditAny).toBe(false);
      expect(await findValueGrid(admin, "1999-13")).toBeNull();
      await expect(findValueGrid(panel, month)).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      // A frozen month constrains other files' tests (target changes start after it): remove it at once.
      await db.period.delete({ where: { id: period.id } });
    }
  });
});

describe("period overview and list", () => {
  it("counts values, not-available and missing for active indicators, and each section's commentary state", async () => {
    const { admin, lead, period, month, otherIndicator, own, put } = await setup();
    await put(period.id, otherIndicator.id, null, "Not collected this month");
    await db.commentary.create({
      data: { sectionId: own.id, periodId: period.id, body: "Draft", status: "SUBMITTED", updatedByName: "Test" },
    });
    const o = await findPeriodOverview(lead, month);
    const active = await db.indicator.count({ where: { active: true } });
    expect(o!.values).toEqual({ indicators: active, withValue: 1, notAvailable: 1, missing: active - 2 });
    expect(o!.sections.find((s) => s.slug === own.slug)).toMatchObject({ state: "SUBMITTED", indicators: 1, owners: [lead.name] });
    expect(o!.may).toEqual({ import: false, editValues: true });
    expect((await findPeriodOverview(admin, month))!.may.import).toBe(true);
    expect(await findPeriodOverview(admin, "2999-13")).toBeNull();

    const listed = (await listPeriods(admin)).find((p) => p.month === month);
    expect(listed).toMatchObject({ status: "OPEN", withValue: 1, notAvailable: 1, indicators: active });
  });

  it("describes progress as the task list shows it", () => {
    expect(describeValuesProgress({ indicators: 32, withValue: 30, notAvailable: 0, missing: 2 })).toBe(
      "30 of 32 indicators have a value, 2 missing",
    );
    expect(describeValuesProgress({ indicators: 32, withValue: 29, notAvailable: 1, missing: 2 })).toBe(
      "29 of 32 indicators have a value, 1 marked not available, 2 missing",
    );
    expect(describeValuesProgress({ indicators: 32, withValue: 32, notAvailable: 0, missing: 0 })).toBe(
      "32 of 32 indicators have a value, none missing",
    );
    expect(describeValuesProgress({ indicators: 1, withValue: 0, notAvailable: 0, missing: 1 })).toBe(
      "0 of 1 indicator has a value, 1 missing",
    );
  });
});
