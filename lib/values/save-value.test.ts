import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { saveValue, ValueConflictError } from "@/lib/values/save-value";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import type { Unit } from "@/lib/generated/prisma/enums";

async function createIndicator(sectionId: string, opts: { unit?: Unit; decimals?: number; name?: string; active?: boolean } = {}) {
  const code = unique("IND").toUpperCase().replace(/-/g, "_");
  return db.indicator.create({
    data: {
      code,
      name: opts.name ?? `Indicator ${code}`,
      sectionId,
      definition: "For tests",
      unit: opts.unit ?? "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: opts.decimals ?? 0,
      order: 1,
      active: opts.active ?? true,
    },
  });
}

async function setup() {
  const admin = (await createTestUser("ADMIN")).sessionUser;
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const otherLead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const own = await createSection([lead.id]);
  const others = await createSection([otherLead.id]);
  const contacts = await createIndicator(own.id, { name: "Contacts received" });
  const timely = await createIndicator(own.id, { name: "MASH decisions within 24 hours", unit: "PERCENT", decimals: 1 });
  const plans = await createIndicator(others.id, { name: "Children on a child protection plan" });
  const period = await createPeriod();
  return { admin, lead, otherLead, director, panel, contacts, timely, plans, period, month: period.month };
}

const storedValue = (indicatorId: string, periodId: string) =>
  db.indicatorValue.findUnique({
    where: { indicatorId_periodId: { indicatorId, periodId } },
    include: { revisions: { orderBy: { revision: "asc" } } },
  });

describe("saveValue", () => {
  it("lets a lead enter and then change a figure in their own section, with revisions and audit", async () => {
    const { lead, contacts, period, month } = await setup();
    const first = await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 0, value: "1,861" });
    expect(first).toMatchObject({
      outcome: "created",
      value: 1861,
      revision: 1,
      notAvailableReason: null,
      updatedByName: lead.name,
      revisedAfterSubmission: false,
    });
    const second = await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 1, value: "1337" });
    expect(second).toMatchObject({ outcome: "changed", value: 1337, revision: 2 });

    const row = await storedValue(contacts.id, period.id);
    expect(row).toMatchObject({ value: 1337, revision: 2, source: "ENTRY", updatedById: lead.id });
    expect(row!.revisions.map((r) => [r.revision, r.oldValue, r.newValue, r.actorName, r.source])).toEqual([
      [1, null, 1861, lead.name, "ENTRY"],
      [2, 1861, 1337, lead.name, "ENTRY"],
    ]);
    const audit = await db.auditEvent.findMany({ where: { entityId: row!.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.periodMonth])).toEqual([
      ["value.changed", lead.id, month],
      ["value.changed", lead.id, month],
    ]);
    expect(audit[1].before).toMatchObject({ indicator: contacts.code, value: 1861, revision: 1 });
    expect(audit[1].after).toMatchObject({ indicator: contacts.code, value: 1337, revision: 2 });
  });

  it("writes nothing new when the figure is saved unchanged", async () => {
    const { lead, contacts, period, month } = await setup();
    await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 0, value: "512" });
    const again = await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 1, value: "512" });
    expect(again).toMatchObject({ outcome: "unchanged", revision: 1 });
    const row = await storedValue(contacts.id, period.id);
    expect(row!.revisions).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: row!.id } })).toBe(1);
  });

  it("lets an administrator edit any section", async () => {
    const { admin, plans, period, month } = await setup();
    await saveValue(admin, { month, indicatorId: plans.id, expectedRevision: 0, value: "456" });
    expect((await storedValue(plans.id, period.id))?.value).toBe(456);
  });

  it("refuses a lead in another lead's section, and roles that cannot edit, writing nothing", async () => {
    const { lead, director, panel, plans, contacts, period, month } = await setup();
    await expect(saveValue(lead, { month, indicatorId: plans.id, expectedRevision: 0, value: "456" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: stringMatching(/only its owners and administrators/),
    });
    for (const user of [director, panel]) {
      await expect(saveValue(user, { month, indicatorId: contacts.id, expectedRevision: 0, value: "1" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(saveValue(null, { month, indicatorId: contacts.id, expectedRevision: 0, value: "1" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await storedValue(plans.id, period.id)).toBeNull();
    expect(await storedValue(contacts.id, period.id)).toBeNull();
  });

  it("re-reads ownership: a lead removed from a section loses it at once", async () => {
    const { lead, contacts, month } = await setup();
    await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 0, value: "10" });
    await db.sectionOwner.deleteMany({ where: { userId: lead.id, sectionId: contacts.sectionId } });
    await expect(saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 1, value: "11" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a signed-off or published period with the amendment message, and allows an amendment", async () => {
    const { admin, contacts } = await setup();
    for (const status of ["SIGNED_OFF", "PUBLISHED"] as const) {
      const period = await createPeriod({ status });
      try {
        await expect(
          saveValue(admin, { month: period.month, indicatorId: contacts.id, expectedRevision: 0, value: "5" }),
        ).rejects.toMatchObject({
          code: "INVALID_TRANSITION",
          message: stringMatching(/signed off.*amendment/),
        });
        expect(await storedValue(contacts.id, period.id)).toBeNull();
      } finally {
        // A frozen month constrains other files' tests (target changes start after it): remove it at once.
        await db.period.delete({ where: { id: period.id } });
      }
    }
    const amending = await createPeriod({ status: "AMENDING" });
    await expect(
      saveValue(admin, { month: amending.month, indicatorId: contacts.id, expectedRevision: 0, value: "5" }),
    ).resolves.toMatchObject({ value: 5 });
  });

  it("refuses invalid figures with a message naming the indicator", async () => {
    const { lead, contacts, timely, period, month } = await setup();
    const cases: [string, string, RegExp][] = [
      [contacts.id, "12.5", /^Contacts received: must be a whole number/],
      [contacts.id, "-3", /^Contacts received: must be 0 or more/],
      [contacts.id, "lots", /^Contacts received: "lots" is not a number/],
      [contacts.id, "", /^Enter a value for Contacts received, or mark it not available/],
      [timely.id, "100.5", /^MASH decisions within 24 hours: a percentage must be from 0 to 100/],
      [timely.id, "58.25", /^MASH decisions within 24 hours: has more than 1 decimal place/],
    ];
    for (const [indicatorId, value, message] of cases) {
      await expect(saveValue(lead, { month, indicatorId, expectedRevision: 0, value })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { value: stringMatching(message) },
      });
    }
    expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(0);
  });

  it("marks a figure not available with a required, limited reason, clearing the number", async () => {
    const { lead, timely, period, month } = await setup();
    await saveValue(lead, { month, indicatorId: timely.id, expectedRevision: 0, value: "90" });
    await expect(
      saveValue(lead, { month, indicatorId: timely.id, expectedRevision: 1, notAvailable: true, notAvailableReason: "  " }),
    ).rejects.toMatchObject({
      fieldErrors: { notAvailableReason: "Enter why the figure for MASH decisions within 24 hours is not available" },
    });
    await expect(
      saveValue(lead, { month, indicatorId: timely.id, expectedRevision: 1, notAvailable: true, notAvailableReason: "x".repeat(501) }),
    ).rejects.toMatchObject({
      fieldErrors: { notAvailableReason: stringMatching(/500 characters or fewer/) },
    });
    const r = await saveValue(lead, {
      month,
      indicatorId: timely.id,
      expectedRevision: 1,
      value: "90",
      notAvailable: true,
      notAvailableReason: " System outage in August ",
    });
    expect(r).toMatchObject({ value: null, notAvailableReason: "System outage in August", revision: 2 });
    const row = await storedValue(timely.id, period.id);
    expect(row!.revisions[1]).toMatchObject({
      oldValue: 90,
      newValue: null,
      oldNotAvailableReason: null,
      newNotAvailableReason: "System outage in August",
    });
  });

  it("tells the second of two editors who saw the same revision, and writes only the first", async () => {
    const { lead, admin, contacts, period, month } = await setup();
    await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 0, value: "100" });
    const results = await Promise.allSettled([
      saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 1, value: "101" }),
      saveValue(admin, { month, indicatorId: contacts.id, expectedRevision: 1, value: "102" }),
    ]);
    const won = results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ value: number | null }>;
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(won).toBeDefined();
    expect(lost.reason).toBeInstanceOf(ValueConflictError);
    expect(lost.reason).toMatchObject({
      code: "CONFLICT",
      message: stringMatching(/^Contacts received: Someone else changed this value/),
    });
    expect((lost.reason as ValueConflictError).current).toMatchObject({ value: won.value.value, revision: 2 });
    const row = await storedValue(contacts.id, period.id);
    expect(row).toMatchObject({ value: won.value.value, revision: 2 });
    expect(row!.revisions).toHaveLength(2);

    // A stale save later is refused too; saving against the revision now shown goes through.
    await expect(saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 1, value: "103" })).rejects.toBeInstanceOf(
      ValueConflictError,
    );
    await expect(saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 2, value: "103" })).resolves.toMatchObject({
      value: 103,
      revision: 3,
    });
  });

  it("refuses a first save when someone else entered the figure meanwhile", async () => {
    const { lead, admin, contacts, month } = await setup();
    await saveValue(admin, { month, indicatorId: contacts.id, expectedRevision: 0, value: "7" });
    const e = await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 0, value: "8" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValueConflictError);
    expect((e as ValueConflictError).current).toMatchObject({ value: 7, revision: 1, updatedByName: admin.name });
  });

  it("flags a figure changed after commentary was first submitted as revised", async () => {
    const { lead, contacts, timely, period, month } = await setup();
    await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 0, value: "1861" });
    expect((await storedValue(contacts.id, period.id))!.revisedAfterSubmission).toBe(false);
    await db.period.update({ where: { id: period.id }, data: { commentaryFirstSubmittedAt: new Date() } });
    const changed = await saveValue(lead, { month, indicatorId: contacts.id, expectedRevision: 1, value: "1337" });
    expect(changed.revisedAfterSubmission).toBe(true);
    const added = await saveValue(lead, { month, indicatorId: timely.id, expectedRevision: 0, value: "90.0" });
    expect(added.revisedAfterSubmission).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: (await storedValue(contacts.id, period.id))!.id },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ revisedAfterSubmission: true });
  });

  it("404s an unknown month, an unknown or inactive indicator", async () => {
    const { admin, contacts, month, period } = await setup();
    const inactive = await createIndicator(contacts.sectionId, { active: false });
    await expect(saveValue(admin, { month: "2019-13", indicatorId: contacts.id, expectedRevision: 0, value: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(saveValue(admin, { month, indicatorId: "not-a-uuid", expectedRevision: 0, value: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      saveValue(admin, { month, indicatorId: "00000000-0000-4000-8000-000000000000", expectedRevision: 0, value: "1" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveValue(admin, { month, indicatorId: inactive.id, expectedRevision: 0, value: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(0);
  });
});
