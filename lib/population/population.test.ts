import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { zodFieldErrors } from "@/lib/action-result";
import { choosePopulation, findPopulationForMonth } from "@/lib/population/find-population-for-month";
import { listChildPopulation } from "@/lib/population/list-child-population";
import { saveChildPopulation } from "@/lib/population/save-child-population";
import { removeChildPopulation } from "@/lib/population/remove-child-population";
import { childPopulationInput, childPopulationRemovalInput } from "@/lib/population/population-input";
import { createTestUser } from "@/test/factories";
import { NON_ADMIN_ROLES } from "@/test/user-fixtures";
import { DEMO_LAST_LOADED_MONTH, demoPopulationYears } from "@/lib/demo/seed-demo";
import { readDemoValues } from "@/lib/demo/demo-data";

const errorsFor = (form: Record<string, unknown>) => {
  const r = childPopulationInput.safeParse(form);
  return r.success ? {} : zodFieldErrors(r.error);
};

const auditFor = (year: number) =>
  db.auditEvent.findMany({ where: { entityType: "ChildPopulation", entityId: String(year) }, orderBy: { id: "asc" } });

describe("choosePopulation", () => {
  const rows = [
    { year: 2017, count: 1 },
    { year: 2019, count: 3 },
    { year: 2018, count: 2 },
  ];

  it("takes the month's own year when it has a figure", () => {
    expect(choosePopulation(rows, "2019-01")).toEqual({ year: 2019, count: 3 });
    expect(choosePopulation(rows, "2018-12")).toEqual({ year: 2018, count: 2 });
  });

  it("takes the latest earlier year when the month's year has none yet", () => {
    expect(choosePopulation(rows, "2022-06")).toEqual({ year: 2019, count: 3 });
    expect(
      choosePopulation(
        rows.filter((r) => r.year !== 2018),
        "2018-06",
      ),
    ).toEqual({ year: 2017, count: 1 });
  });

  it("gives null when no year is on or before the month's year", () => {
    expect(choosePopulation(rows, "2016-12")).toBeNull();
    expect(choosePopulation([], "2019-08")).toBeNull();
  });

  it("refuses something that is not a month", () => {
    expect(() => choosePopulation(rows, "2019-13")).toThrow(/not a month/);
    expect(() => choosePopulation(rows, "2019")).toThrow(/not a month/);
  });
});

describe("childPopulationInput", () => {
  it("reads the number as people write it, with commas or spaces", () => {
    expect(childPopulationInput.parse({ year: " 2019 ", count: "50,000", source: "  ONS   mid-2019 estimate " })).toEqual({
      year: 2019,
      count: 50000,
      source: "ONS mid-2019 estimate",
    });
    expect(childPopulationInput.parse({ year: "2019", count: "1 234 567" })).toEqual({ year: 2019, count: 1234567, source: null });
    expect(childPopulationInput.parse({ year: "2100", count: "10,000,000", source: "" })).toMatchObject({
      count: 10_000_000,
      source: null,
    });
  });

  it("says what to enter when the fields are blank or missing", () => {
    expect(errorsFor({ year: "", count: "  " })).toEqual({
      year: "Enter the year, for example 2019",
      count: "Enter the number of children aged 0 to 17, for example 50,000",
    });
    expect(errorsFor({})).toEqual({
      year: "Enter the year, for example 2019",
      count: "Enter the number of children aged 0 to 17, for example 50,000",
    });
  });

  it.each([
    ["19", "Enter the year as 4 digits, for example 2019"],
    ["2019.5", "Enter the year as 4 digits, for example 2019"],
    ["1989", "The year must be from 1990 to 2100"],
    ["2101", "The year must be from 1990 to 2100"],
  ])("refuses the year %j", (year, message) => {
    expect(errorsFor({ year, count: "50000" })).toEqual({ year: message });
  });

  it.each([
    ["fifty thousand", "The number of children must be a whole number, for example 50,000"],
    ["50000.5", "The number of children must be a whole number, for example 50,000"],
    ["50,00", "The number of children must be a whole number, for example 50,000"],
    ["0", "The number of children must be more than 0"],
    ["-5", "The number of children must be more than 0"],
    ["10,000,001", "The number of children must be 10,000,000 or fewer"],
    ["99999999999999999999999", "The number of children must be 10,000,000 or fewer"],
  ])("refuses the number %j", (count, message) => {
    expect(errorsFor({ year: "2019", count })).toEqual({ count: message });
  });

  it("refuses a source over 200 characters or with a NUL", () => {
    expect(errorsFor({ year: "2019", count: "1", source: "x".repeat(201) })).toEqual({
      source: "The source must be 200 characters or fewer",
    });
    expect(errorsFor({ year: "2019", count: "1", source: "ONS\u0000" }).source).toMatch(/NUL/);
  });

  it("takes the year to remove from the page", () => {
    expect(childPopulationRemovalInput.parse({ year: "2019" })).toEqual({ year: 2019 });
    expect(childPopulationRemovalInput.safeParse({ year: "20x9" }).success).toBe(false);
  });
});

describe("saveChildPopulation", () => {
  it("adds a year, records who, and audits it; then the month's figure comes from it", async () => {
    const admin = await createTestUser("ADMIN");
    expect(await findPopulationForMonth("2010-05")).toBeNull();
    const saved = await saveChildPopulation(admin.sessionUser, { year: 2010, count: 48_000, source: "ONS mid-2010 estimate" });
    expect(saved).toEqual({ year: 2010, count: 48_000, source: "ONS mid-2010 estimate", outcome: "added" });
    expect(await db.childPopulation.findUniqueOrThrow({ where: { year: 2010 } })).toMatchObject({
      count: 48_000,
      updatedById: admin.id,
      updatedByName: admin.name,
    });
    const [audit] = await auditFor(2010);
    expect(audit).toMatchObject({
      action: "population.saved",
      actorId: admin.id,
      actorName: admin.name,
      before: null,
      after: { year: 2010, count: 48_000, source: "ONS mid-2010 estimate" },
    });
    expect(await findPopulationForMonth("2010-01")).toEqual({ year: 2010, count: 48_000, source: "ONS mid-2010 estimate" });
  });

  it("finds the month's own year, else the latest earlier year, else none", async () => {
    const admin = await createTestUser("ADMIN");
    await saveChildPopulation(admin.sessionUser, { year: 2001, count: 40_001, source: null });
    await saveChildPopulation(admin.sessionUser, { year: 2003, count: 40_003, source: null });
    expect(await findPopulationForMonth("2003-12")).toMatchObject({ year: 2003, count: 40_003 });
    expect(await findPopulationForMonth("2002-06")).toMatchObject({ year: 2001, count: 40_001 });
    expect(await findPopulationForMonth("2001-01")).toMatchObject({ year: 2001 });
    expect(await findPopulationForMonth("2000-12")).toBeNull();
    await expect(findPopulationForMonth("2003-00")).rejects.toMatchObject({ code: "VALIDATION" });
    // Inside a transaction, as a rate worked out with other reads would call it.
    expect(await db.$transaction((tx) => findPopulationForMonth("2004-03", tx))).toMatchObject({ year: 2003 });
  });

  it("changes a year's figure, auditing before and after", async () => {
    const admin = await createTestUser("ADMIN");
    const other = await createTestUser("ADMIN");
    await saveChildPopulation(admin.sessionUser, { year: 2011, count: 50_000, source: "ONS mid-2011 estimate" });
    const saved = await saveChildPopulation(other.sessionUser, { year: 2011, count: 50_400, source: "ONS mid-2011 estimate (revised)" });
    expect(saved.outcome).toBe("changed");
    expect(await db.childPopulation.findUniqueOrThrow({ where: { year: 2011 } })).toMatchObject({
      count: 50_400,
      source: "ONS mid-2011 estimate (revised)",
      updatedById: other.id,
    });
    const events = await auditFor(2011);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      action: "population.saved",
      actorId: other.id,
      before: { year: 2011, count: 50_000, source: "ONS mid-2011 estimate" },
      after: { year: 2011, count: 50_400, source: "ONS mid-2011 estimate (revised)" },
    });
  });

  it("writes and records nothing for a save that changes nothing", async () => {
    const admin = await createTestUser("ADMIN");
    const other = await createTestUser("ADMIN");
    await saveChildPopulation(admin.sessionUser, { year: 2012, count: 51_000, source: null });
    const stored = await db.childPopulation.findUniqueOrThrow({ where: { year: 2012 } });
    expect(await saveChildPopulation(other.sessionUser, { year: 2012, count: 51_000, source: null })).toMatchObject({
      outcome: "unchanged",
    });
    expect(await db.childPopulation.findUniqueOrThrow({ where: { year: 2012 } })).toEqual(stored);
    expect(await auditFor(2012)).toHaveLength(1);
  });

  it("keeps the rules for a direct call too", async () => {
    const admin = await createTestUser("ADMIN");
    await expect(saveChildPopulation(admin.sessionUser, { year: 1989, count: 0, source: null })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { year: "The year must be from 1990 to 2100", count: "The number of children must be more than 0" },
    });
    await expect(saveChildPopulation(admin.sessionUser, { year: 2013, count: 1.5, source: null })).rejects.toMatchObject({
      fieldErrors: { count: "The number of children must be a whole number, for example 50,000" },
    });
    expect(await db.childPopulation.count({ where: { year: { in: [1989, 2013] } } })).toBe(0);
  });

  it("lets one of two simultaneous first saves of a year through, and tells the other", async () => {
    const admin = await createTestUser("ADMIN");
    const results = await Promise.allSettled([
      saveChildPopulation(admin.sessionUser, { year: 2014, count: 52_000, source: null }),
      saveChildPopulation(admin.sessionUser, { year: 2014, count: 52_500, source: null }),
    ]);
    const refused = results.filter((r) => r.status === "rejected");
    // Usually one is refused; if the second started after the first committed, it is a change instead.
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(refused.length).toBeLessThanOrEqual(1);
    expect(await auditFor(2014)).toHaveLength(2 - refused.length);
  });

  it("is refused to everyone but administrators, and to nobody signed in", async () => {
    for (const role of NON_ADMIN_ROLES) {
      const user = await createTestUser(role);
      await expect(saveChildPopulation(user.sessionUser, { year: 2015, count: 50_000, source: null })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(removeChildPopulation(user.sessionUser, { year: 2015 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listChildPopulation(user.sessionUser)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(saveChildPopulation(null, { year: 2015, count: 50_000, source: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.childPopulation.count({ where: { year: 2015 } })).toBe(0);
    expect(await auditFor(2015)).toHaveLength(0);
  });
});

describe("listChildPopulation and removeChildPopulation", () => {
  it("lists every year newest first, with who changed it last", async () => {
    const admin = await createTestUser("ADMIN");
    await saveChildPopulation(admin.sessionUser, { year: 2016, count: 53_000, source: "ONS" });
    const rows = await listChildPopulation(admin.sessionUser);
    expect(rows.map((r) => r.year)).toEqual(rows.map((r) => r.year).sort((a, b) => b - a));
    expect(rows.find((r) => r.year === 2016)).toMatchObject({ count: 53_000, source: "ONS", updatedByName: admin.name });
  });

  it("removes a year, audits what it was, and the month falls back to the year before", async () => {
    const admin = await createTestUser("ADMIN");
    await saveChildPopulation(admin.sessionUser, { year: 2020, count: 55_000, source: null });
    await saveChildPopulation(admin.sessionUser, { year: 2021, count: 99_999, source: "Typed against the wrong year" });
    expect(await removeChildPopulation(admin.sessionUser, { year: 2021 })).toEqual({
      year: 2021,
      count: 99_999,
      source: "Typed against the wrong year",
    });
    expect(await findPopulationForMonth("2021-04")).toMatchObject({ year: 2020, count: 55_000 });
    const events = await auditFor(2021);
    expect(events.at(-1)).toMatchObject({
      action: "population.removed",
      actorId: admin.id,
      before: { year: 2021, count: 99_999 },
      after: null,
    });
    await expect(removeChildPopulation(admin.sessionUser, { year: 2021 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditFor(2021)).toHaveLength(events.length);
  });
});

describe("the demo council's population", () => {
  it("covers every year its months reach, so each month's rates have a figure", () => {
    const months = readDemoValues().map((v) => v.period);
    expect(demoPopulationYears(DEMO_LAST_LOADED_MONTH, months)).toEqual([2017, 2018, 2019, 2020]);
    expect(demoPopulationYears("2021-02", months).at(-1)).toBe(2021);
  });
});
