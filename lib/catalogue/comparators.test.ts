import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { createIndicator } from "@/lib/catalogue/create-indicator";
import { addComparator } from "@/lib/catalogue/add-comparator";
import { updateComparator } from "@/lib/catalogue/update-comparator";
import { removeComparator } from "@/lib/catalogue/remove-comparator";
import { createTestSection, indicatorInput } from "@/test/catalogue-fixtures";
import { createTestUser } from "@/test/factories";

async function setUp() {
  const admin = await createTestUser("ADMIN");
  const section = await createTestSection();
  const indicator = await createIndicator(admin.sessionUser, indicatorInput(section.id));
  const version = async () => (await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).updatedAt;
  const england = { label: "England", periodLabel: "2018-19", value: 43.7, source: "DfE CIN census", notes: null };
  const add = async (fields = england) =>
    addComparator(admin.sessionUser, { code: indicator.code, expectedUpdatedAt: await version(), ...fields });
  return { admin, indicator, version, england, add };
}

describe("comparators", () => {
  it("adds, changes and removes a comparator, auditing each step", async () => {
    const { admin, indicator, version, add } = await setUp();
    const added = await add();
    expect(added).toMatchObject({ indicatorId: indicator.id, label: "England", periodLabel: "2018-19", value: 43.7 });

    await updateComparator(admin.sessionUser, {
      code: indicator.code,
      expectedUpdatedAt: await version(),
      id: added.id,
      label: "England",
      periodLabel: "2019-20",
      value: 42.8,
      source: "DfE",
      notes: "Revised",
    });
    expect(await db.comparator.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      periodLabel: "2019-20",
      value: 42.8,
      notes: "Revised",
    });

    await removeComparator(admin.sessionUser, { code: indicator.code, expectedUpdatedAt: await version(), id: added.id });
    expect(await db.comparator.count({ where: { indicatorId: indicator.id } })).toBe(0);

    const events = await db.auditEvent.findMany({ where: { entityType: "Comparator", entityId: added.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["comparator.added", "comparator.updated", "comparator.removed"]);
    expect(events[1].before).toMatchObject({ code: indicator.code, periodLabel: "2018-19", value: 43.7 });
    expect(events[1].after).toMatchObject({ periodLabel: "2019-20", value: 42.8 });
    expect(events[2].before).toMatchObject({ label: "England", periodLabel: "2019-20" });
  });

  it("refuses a second comparator for the same label and period, whatever the letter case", async () => {
    const { add, england, indicator } = await setUp();
    await add();
    await expect(add({ ...england, label: "england", value: 1 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { periodLabel: stringContaining("already a england comparator for 2018-19") },
    });
    expect(await db.comparator.count({ where: { indicatorId: indicator.id } })).toBe(1);
  });

  it("refuses a value that does not suit the indicator's unit", async () => {
    const { add, england } = await setUp();
    await expect(add({ ...england, value: 120 })).rejects.toMatchObject({
      fieldErrors: { value: "The value a percentage must be from 0 to 100 (got 120)" },
    });
  });

  it("refuses a change based on an out-of-date version of the indicator", async () => {
    const { admin, indicator, version, add, england } = await setUp();
    const seen = await version();
    const added = await add();
    const late = updateComparator(admin.sessionUser, {
      code: indicator.code,
      expectedUpdatedAt: seen,
      id: added.id,
      ...england,
      value: 50,
    });
    await expect(late).rejects.toMatchObject({ code: "CONFLICT" });
    const lateRemoval = removeComparator(admin.sessionUser, { code: indicator.code, expectedUpdatedAt: seen, id: added.id });
    await expect(lateRemoval).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.comparator.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ value: 43.7 });
  });

  it("refuses a comparator that belongs to another indicator", async () => {
    const { admin, indicator, version } = await setUp();
    const other = await setUp();
    const theirs = await other.add();
    const attempt = removeComparator(admin.sessionUser, { code: indicator.code, expectedUpdatedAt: await version(), id: theirs.id });
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.comparator.count({ where: { id: theirs.id } })).toBe(1);
  });

  it("refuses a director", async () => {
    const { indicator, version, england } = await setUp();
    const director = await createTestUser("DIRECTOR");
    await expect(
      addComparator(director.sessionUser, { code: indicator.code, expectedUpdatedAt: await version(), ...england }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
