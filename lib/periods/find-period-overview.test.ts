// The period page's overview (lib/periods/find-period-overview.ts), read in one statement beside the
// period row: what it shows must be what the separate queries it replaced showed (issue 24).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { findPeriodOverview } from "@/lib/periods/find-period-overview";
import { findMissingMonthsNotice } from "@/lib/periods/find-missing-months";
import { checkReadiness } from "@/lib/periods/readiness";
import { createPeriod, createTestUser, unique, uniqueMonth } from "@/test/factories";

async function clearCatalogue() {
  await db.commentary.deleteMany();
  await db.indicatorValue.deleteMany();
  await db.indicator.deleteMany();
  await db.sectionOwner.deleteMany();
  await db.section.deleteMany();
}

const section = (name: string, order: number) =>
  db.section.create({ data: { name: unique(name), slug: unique(name.toLowerCase()), order } });

async function indicator(sectionId: string, order: number, active = true) {
  const code = unique("OVW").toUpperCase().replace(/-/g, "_");
  return db.indicator.create({
    data: { code, name: code, sectionId, definition: "d", unit: "COUNT", polarity: "NEITHER", measureType: "MONTHLY_COUNT", order, active },
  });
}

const put = (periodId: string, indicatorId: string, value: number | null, reason: string | null = null, revised = false) =>
  db.indicatorValue.create({
    data: {
      periodId,
      indicatorId,
      value,
      notAvailableReason: reason,
      revisedAfterSubmission: revised,
      source: "ENTRY",
      updatedByName: "t",
    },
  });

beforeEach(clearCatalogue);

describe("the period overview", () => {
  it("counts active indicators' values, names who opened the month, and lists sections in order with owners and states", async () => {
    const director = await createTestUser("DIRECTOR");
    const ann = await createTestUser("SERVICE_LEAD");
    const bob = await createTestUser("SERVICE_LEAD");
    const later = await section("Later", 2);
    const first = await section("First", 1);
    const empty = await section("Empty", 3);
    await db.sectionOwner.create({ data: { sectionId: first.id, userId: ann.id, createdAt: new Date("2020-01-01") } });
    await db.sectionOwner.create({ data: { sectionId: first.id, userId: bob.id, createdAt: new Date("2020-01-02") } });
    await db.sectionOwner.create({ data: { sectionId: later.id, userId: bob.id } });
    const a = await indicator(first.id, 1);
    const b = await indicator(first.id, 2);
    const c = await indicator(later.id, 1);
    const retired = await indicator(later.id, 2, false);
    await indicator(later.id, 3);
    const month = uniqueMonth();
    const period = await db.period.create({
      data: {
        month,
        panelMeetingDate: new Date("2100-01-01"),
        status: "AMENDING",
        amendmentReason: "A late correction",
        commentaryFirstSubmittedAt: new Date("2099-12-01T10:00:00Z"),
        openedById: director.id,
      },
    });
    await put(period.id, a.id, 5, null, true);
    await put(period.id, b.id, null, "Not collected");
    await put(period.id, c.id, null);
    await put(period.id, retired.id, 9, null, true);
    await db.commentary.create({ data: { sectionId: later.id, periodId: period.id, body: "x", status: "SUBMITTED" } });

    const o = (await findPeriodOverview(director.sessionUser, month))!;
    const fields = ["id", "month", "panelMeetingDate", "status", "version", "commentaryFirstSubmittedAt", "amendmentReason", "createdAt"];
    expect(o.period).toEqual(
      await db.period.findUniqueOrThrow({ where: { id: period.id }, select: Object.fromEntries(fields.map((f) => [f, true])) }),
    );
    expect(o.period.createdAt).toBeInstanceOf(Date);
    expect(o.openedByName).toBe(director.name);
    expect(o.values).toEqual({ indicators: 4, withValue: 1, notAvailable: 1, missing: 2 });
    expect(o.revisedCount).toBe(1);
    expect(o.sections).toEqual([
      { name: first.name, slug: first.slug, indicators: 2, owners: [ann.name, bob.name], state: "NOT_STARTED" },
      { name: later.name, slug: later.slug, indicators: 2, owners: [bob.name], state: "SUBMITTED" },
      { name: empty.name, slug: empty.slug, indicators: 0, owners: [], state: "NOT_STARTED" },
    ]);
    expect(o.readiness).toEqual(await checkReadiness(period.id));
    expect(o.readiness.ready).toBe(false);
    expect(o.missingNotice).toBe(await findMissingMonthsNotice(month));
    expect(o.deadlines).not.toBeNull();
    expect(o.editable).toBe(true);
    expect(o.history).toBe(false);
  });

  it("names the earlier months with no figures, and no one when the month was opened by no one", async () => {
    const admin = await createTestUser("ADMIN");
    const s = await section("Only", 1);
    const i = await indicator(s.id, 1);
    const month = uniqueMonth();
    const period = await createPeriod({ month });
    const withFigures = await createPeriod({ month: addMonths(month, -3), status: "PUBLISHED" });
    await createPeriod({ month: addMonths(month, -2), status: "PUBLISHED" });
    await put(withFigures.id, i.id, 1);
    const o = (await findPeriodOverview(admin.sessionUser, month))!;
    expect(o.period.id).toBe(period.id);
    expect(o.openedByName).toBeNull();
    expect(o.values).toEqual({ indicators: 1, withValue: 0, notAvailable: 0, missing: 1 });
    expect(o.missingNotice).toBe(await findMissingMonthsNotice(month));
    expect(o.missingNotice).toContain(" and ");
    expect(o.sections).toEqual([{ name: s.name, slug: s.slug, indicators: 1, owners: [], state: "NOT_STARTED" }]);
  });

  it("is null for a month with no period, or no month at all", async () => {
    const admin = await createTestUser("ADMIN");
    expect(await findPeriodOverview(admin.sessionUser, uniqueMonth())).toBeNull();
    expect(await findPeriodOverview(admin.sessionUser, "2019-13")).toBeNull();
  });
});
