// Whether a month's pack can be signed off (lib/periods/readiness.ts), rule by rule, on a catalogue
// made here (each database test file has a database of its own, so the catalogue is this file's).
// Sign-off, the period page, the home tasks and the reminders all ask this one function.
// (Its rules were only reached through the sign-off test, which left gaps found by npm run test:mutation.)
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/periods/readiness";
import { createPeriod, createSection, unique } from "@/test/factories";

async function clearCatalogue() {
  await db.commentary.deleteMany();
  await db.indicatorValue.deleteMany();
  await db.indicator.deleteMany();
  await db.section.deleteMany();
}

async function indicator(sectionId: string, opts: { active?: boolean; order?: number } = {}) {
  const code = unique("RDY").toUpperCase().replace(/-/g, "_");
  return db.indicator.create({
    data: {
      code,
      name: code,
      sectionId,
      definition: "d",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: opts.order ?? 1,
      active: opts.active ?? true,
    },
  });
}

const commentary = (sectionId: string, periodId: string, status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED") =>
  db.commentary.create({ data: { sectionId, periodId, body: "Text.", status } });

beforeEach(clearCatalogue);

describe("whether a pack can be signed off", () => {
  it("is ready when every section is approved and every active indicator has a value or a reason it is not available", async () => {
    const period = await createPeriod();
    const section = await createSection();
    const counted = await indicator(section.id, { order: 1 });
    const notAvailable = await indicator(section.id, { order: 2 });
    await db.indicatorValue.create({
      data: { indicatorId: counted.id, periodId: period.id, value: 12, source: "ENTRY", updatedByName: "t" },
    });
    await db.indicatorValue.create({
      data: {
        indicatorId: notAvailable.id,
        periodId: period.id,
        notAvailableReason: "Not collected this month",
        source: "ENTRY",
        updatedByName: "t",
      },
    });
    await commentary(section.id, period.id, "APPROVED");
    expect(await checkReadiness(period.id)).toMatchObject({ ready: true, missingValues: [], sectionsNotApproved: [] });
  });

  it("does not wait for a retired indicator, which takes no new values", async () => {
    const period = await createPeriod();
    const section = await createSection();
    const retired = await indicator(section.id, { active: false });
    await commentary(section.id, period.id, "APPROVED");
    const r = await checkReadiness(period.id);
    expect(r.missingValues.map((m) => m.code)).not.toContain(retired.code);
    expect(r.ready).toBe(true);
  });

  it("lists an active indicator with neither a value nor a reason", async () => {
    const period = await createPeriod();
    const section = await createSection();
    const missing = await indicator(section.id);
    await db.indicatorValue.create({ data: { indicatorId: missing.id, periodId: period.id, source: "ENTRY", updatedByName: "t" } });
    await commentary(section.id, period.id, "APPROVED");
    expect(await checkReadiness(period.id)).toMatchObject({
      ready: false,
      missingValues: [{ code: missing.code, sectionName: section.name }],
    });
  });

  it("waits for the director's approval: submitted, returned or draft commentary is not enough", async () => {
    const period = await createPeriod();
    for (const status of ["SUBMITTED", "RETURNED", "DRAFT"] as const) {
      await db.commentary.deleteMany();
      await db.section.deleteMany();
      const section = await createSection();
      await commentary(section.id, period.id, status);
      expect(await checkReadiness(period.id)).toMatchObject({ ready: false, sectionsNotApproved: [{ slug: section.slug, state: status }] });
    }
    await db.commentary.deleteMany();
    const untouched = await db.section.findFirstOrThrow();
    expect(await checkReadiness(period.id)).toMatchObject({
      ready: false,
      sectionsNotApproved: [{ slug: untouched.slug, state: "NOT_STARTED" }],
    });
  });

  it("lists what is missing in section order, then indicator order, and every section in order", async () => {
    const period = await createPeriod();
    const second = await db.section.create({ data: { name: unique("Second"), slug: unique("second"), order: 2 } });
    const first = await db.section.create({ data: { name: unique("First"), slug: unique("first"), order: 1 } });
    const b2 = await indicator(second.id, { order: 2 });
    const b1 = await indicator(second.id, { order: 1 });
    const a3 = await indicator(first.id, { order: 3 });
    await commentary(second.id, period.id, "APPROVED");
    const r = await checkReadiness(period.id);
    expect(r.missingValues).toEqual([
      { code: a3.code, name: a3.name, sectionName: first.name },
      { code: b1.code, name: b1.name, sectionName: second.name },
      { code: b2.code, name: b2.name, sectionName: second.name },
    ]);
    expect(r.sections).toEqual([
      { name: first.name, slug: first.slug, state: "NOT_STARTED" },
      { name: second.name, slug: second.slug, state: "APPROVED" },
    ]);
    expect(r.sectionsNotApproved).toEqual([{ name: first.name, slug: first.slug, state: "NOT_STARTED" }]);
  });

  it("is not ready with no sections at all: an empty pack is not a pack", async () => {
    const period = await createPeriod();
    expect(await checkReadiness(period.id)).toMatchObject({ ready: false, sections: [], sectionsNotApproved: [] });
  });
});
