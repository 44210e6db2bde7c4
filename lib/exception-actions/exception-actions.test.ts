// Actions on exceptions on real PostgreSQL: recorded (and refused field by field), carried into the
// next month while the indicator is still an exception, shown as resolved the month it leaves the
// list and then stopped, frozen into each pack at sign-off, and audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stringMatching } from "@/test/matchers";
import { addMonths } from "@/lib/format/dates";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";
import { changeExceptionAction, recordExceptionAction } from "./change-exception-action";
import { isShownIn, monthsOnList } from "./actions-in-month";
import { loadSectionExceptions } from "./load-section-actions";
import { exceptionsWithoutAction } from "./without-action";
import { isActionOverdue } from "./action-overdue";
import { markOverdueActions } from "./snapshot-actions";
import type { SnapshotSection } from "@/lib/pack/snapshot/snapshot-types";
import { loadMonthFigures } from "@/lib/commentary/load-month-figures";

async function council() {
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const otherLead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const section = await createSection([lead.id]);
  const code = unique("PCT").toUpperCase().replace(/-/g, "_");
  const indicator = await db.indicator.create({
    data: {
      code,
      name: code,
      sectionId: section.id,
      definition: "d",
      unit: "PERCENT",
      polarity: "HIGHER_IS_BETTER",
      measureType: "IN_MONTH_PERCENT",
      decimals: 1,
      order: 1,
    },
  });
  const first = uniqueMonth();
  await db.indicatorTarget.create({ data: { indicatorId: indicator.id, fromMonth: addMonths(first, -24), target: 80, tolerance: 5 } });
  return { lead, otherLead, director, section, indicator, code, first };
}

/** Opens a month with the indicator at `value`, everyone else's sections approved and values in. */
async function openMonth(c: Awaited<ReturnType<typeof council>>, month: string, value: number) {
  const period = await createPeriod({ month });
  await db.indicatorValue.create({
    data: { indicatorId: c.indicator.id, periodId: period.id, value, source: "ENTRY", updatedByName: "t" },
  });
  const others = await db.section.findMany({ where: { id: { not: c.section.id } } });
  for (const s of others) await db.commentary.create({ data: { sectionId: s.id, periodId: period.id, body: "ok", status: "APPROVED" } });
  const indicators = await db.indicator.findMany({ where: { active: true, id: { not: c.indicator.id } } });
  await db.indicatorValue.createMany({
    data: indicators.map((i) => ({
      indicatorId: i.id,
      periodId: period.id,
      notAvailableReason: "Not collected",
      source: "ENTRY" as const,
      updatedByName: "t",
    })),
    skipDuplicates: true,
  });
  return period;
}

async function submitApproveSignOff(c: Awaited<ReturnType<typeof council>>, month: string, periodVersion = 1) {
  await transitionCommentary(c.lead, { month, slug: c.section.slug, action: "submit", expectedVersion: 0, body: "Commentary." });
  await transitionCommentary(c.director, { month, slug: c.section.slug, action: "approve", expectedVersion: 1 });
  await signOffPack(c.director, { month, expectedPeriodVersion: periodVersion });
  const pack = await db.packVersion.findFirstOrThrow({ where: { period: { month } }, orderBy: { version: "desc" } });
  const snapshot = pack.snapshot as unknown as PackSnapshot;
  return snapshot.sections.find((s) => s.slug === c.section.slug)!.indicators[0];
}

const action = (description: string) => ({ description, ownerName: "Head of Safeguarding", dueDate: "2019-10-31" });

describe("actions on exceptions", () => {
  it("refuses an action with no owner or no due date, field by field, and one from a lead who does not own the section", async () => {
    const c = await council();
    await openMonth(c, c.first, 70);
    await expect(
      recordExceptionAction(c.lead, { month: c.first, code: c.code, description: "Audit", ownerName: " ", dueDate: "" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { ownerName: "Enter who owns this action", dueDate: "Enter the due date" },
    });
    await expect(
      recordExceptionAction(c.lead, {
        month: c.first,
        code: c.code,
        description: "",
        ownerName: "X",
        "dueDate-day": "31",
        "dueDate-month": "2",
        "dueDate-year": "2019",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { description: "Enter what will be done", dueDate: "Due date must be a real date" },
    });
    await expect(recordExceptionAction(c.otherLead, { month: c.first, code: c.code, ...action("Audit") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(recordExceptionAction(c.director, { month: c.first, code: c.code, ...action("Audit") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.exceptionAction.count({ where: { indicatorId: c.indicator.id } })).toBe(0);
  });

  it("carries an action while the indicator is an exception, shows it resolved the month it leaves the list, then stops", async () => {
    const c = await council();
    const [m1, m2, m3, m4] = [0, 1, 2, 3].map((n) => addMonths(c.first, n));

    // Month 1: rated Red (70 against 80), so an exception. The lead records an action.
    await openMonth(c, m1, 70);
    const a = await recordExceptionAction(c.lead, { month: m1, code: c.code, ...action("Audit every case over 20 days") });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ExceptionAction", entityId: a.id } });
    expect(audit).toMatchObject({ action: "exceptionAction.record", actorName: c.lead.name, periodMonth: m1 });
    const first = await submitApproveSignOff(c, m1);
    expect(first.exception).toBe(true);
    expect(first.exceptionSince).toBe(m1);
    expect(first.actions).toEqual([
      {
        description: "Audit every case over 20 days",
        ownerName: "Head of Safeguarding",
        dueDate: "2019-10-31",
        status: "OPEN",
        droppedReason: null,
        fromMonth: m1,
      },
    ]);
    // Frozen: month 1 is signed off, so its actions cannot change there.
    await expect(changeExceptionAction(c.lead, { month: m1, id: a.id, expectedVersion: 1, change: "complete" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });

    // Month 2: still Red. The action is carried; the lead adds another and marks the first done.
    await openMonth(c, m2, 72);
    const b = await recordExceptionAction(c.lead, { month: m2, code: c.code, ...action("Weekly review with team managers") });
    await changeExceptionAction(c.lead, { month: m2, id: a.id, expectedVersion: 1, change: "complete" });
    // A stale version is a conflict, never a silent overwrite.
    await expect(changeExceptionAction(c.lead, { month: m2, id: a.id, expectedVersion: 1, change: "reopen" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(changeExceptionAction(c.lead, { month: m2, id: b.id, expectedVersion: 1, change: "drop" })).rejects.toMatchObject({
      fieldErrors: { droppedReason: "Give the reason for dropping the action" },
    });
    const second = await submitApproveSignOff(c, m2);
    expect(second.exceptionSince).toBe(m1);
    expect(monthsOnList(second.exceptionSince!, m2)).toBe(2);
    expect(second.actions?.map((x) => [x.description, x.status, x.fromMonth])).toEqual([
      ["Audit every case over 20 days", "DONE", m1],
      ["Weekly review with team managers", "OPEN", m2],
    ]);
    // The action done in month 2 ended with month 2's sign-off.
    expect((await db.exceptionAction.findUniqueOrThrow({ where: { id: a.id } })).endMonth).toBe(m2);

    // Month 3: 85 is on target, so off the list. The open action is shown once, as resolved.
    await openMonth(c, m3, 85);
    const third = await submitApproveSignOff(c, m3);
    expect(third.exception).toBe(false);
    expect(third.actions).toBeUndefined();
    expect(third.resolvedActions?.map((x) => x.description)).toEqual(["Weekly review with team managers"]);

    // Month 4: nothing carried.
    const stored = await db.exceptionAction.findMany({ where: { indicatorId: c.indicator.id } });
    expect(stored.filter((x) => isShownIn(x, m4))).toEqual([]);
    const events = await db.auditEvent.findMany({
      where: { entityType: "ExceptionAction", entityId: { in: [a.id, b.id] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["exceptionAction.record", "exceptionAction.record", "exceptionAction.complete"]);
  }, 120_000); // three sign-offs, each rendering charts for the whole catalogue

  it("waits while the section's commentary is with the director", async () => {
    const c = await council();
    await openMonth(c, c.first, 70);
    const a = await recordExceptionAction(c.lead, { month: c.first, code: c.code, ...action("Audit") });
    await transitionCommentary(c.lead, { month: c.first, slug: c.section.slug, action: "submit", expectedVersion: 0, body: "Commentary." });
    await expect(changeExceptionAction(c.lead, { month: c.first, id: a.id, expectedVersion: 1, change: "complete" })).rejects.toThrow(
      /is submitted: its actions are reviewed with it/,
    );
    await expect(recordExceptionAction(c.lead, { month: c.first, code: c.code, ...action("Another") })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("refuses marking done, dropping or changing the actions of an exception that has left the list; reopening still works", async () => {
    const c = await council();
    const [m1, m2] = [0, 1].map((n) => addMonths(c.first, n));
    await openMonth(c, m1, 70);
    const a = await recordExceptionAction(c.lead, { month: m1, code: c.code, ...action("Audit") });
    // Month 2 starts Red, and one action is marked done; then the figure is corrected to 85, on
    // target, so the indicator is off the list and its actions are resolved.
    const period2 = await openMonth(c, m2, 72);
    const b = await recordExceptionAction(c.lead, { month: m2, code: c.code, ...action("Review") });
    await changeExceptionAction(c.lead, { month: m2, id: b.id, expectedVersion: 1, change: "complete" });
    await db.indicatorValue.updateMany({ where: { indicatorId: c.indicator.id, periodId: period2.id }, data: { value: 85 } });
    const [resolved] = await loadSectionExceptions(m2, await loadMonthFigures({ sectionId: c.section.id }, m2));
    expect(resolved.exception).toBe(false);
    for (const change of ["complete", "drop", "edit"] as const) {
      await expect(
        changeExceptionAction(c.lead, {
          month: m2,
          id: a.id,
          expectedVersion: 1,
          change,
          droppedReason: "Not needed",
          fields: { description: "Audit", ownerName: "Head of Safeguarding", dueDate: "2019-11-30" },
        }),
      ).rejects.toMatchObject({ code: "INVALID_TRANSITION", message: stringMatching(/off the exceptions list/) });
    }
    expect(await db.exceptionAction.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "OPEN", version: 1 });
    await expect(changeExceptionAction(c.lead, { month: m2, id: b.id, expectedVersion: 2, change: "reopen" })).resolves.toMatchObject({
      status: "OPEN",
    });
  });

  it("marks an open action overdue after its due date, by the app's today, and lists exceptions without an open action", async () => {
    const c = await council();
    await openMonth(c, c.first, 70);
    const figures = await loadMonthFigures({ sectionId: c.section.id }, c.first);
    expect(exceptionsWithoutAction(await loadSectionExceptions(c.first, figures))).toEqual([{ code: c.code, name: c.code }]);
    const a = await recordExceptionAction(c.lead, { month: c.first, code: c.code, ...action("Audit") }); // due 2019-10-31
    const on = async (today: string) => (await loadSectionExceptions(c.first, figures, today))[0];
    expect((await on("2019-10-31")).actions[0].overdue).toBe(false);
    expect((await on("2019-11-01")).actions[0].overdue).toBe(true);
    expect(exceptionsWithoutAction([await on("2019-11-01")])).toEqual([]);
    await changeExceptionAction(c.lead, { month: c.first, id: a.id, expectedVersion: 1, change: "complete" });
    expect((await on("2019-11-01")).actions[0].overdue).toBe(false);
    expect(exceptionsWithoutAction([await on("2019-11-01")])).toEqual([{ code: c.code, name: c.code }]);
    expect(isActionOverdue({ status: "DROPPED", dueDate: "2019-01-01" }, "2019-11-01")).toBe(false);
    expect(isActionOverdue({ status: "OPEN", dueDate: new Date("2019-10-31T00:00:00Z") }, "2019-11-01")).toBe(true);
    expect(isActionOverdue({ status: "OPEN", dueDate: "2019-10-31" }, "2019-11-01", true)).toBe(false); // resolved
    // The pack's live preview marks the same actions, by the same rule.
    const sections = [
      {
        indicators: [
          {
            actions: [
              { status: "OPEN", dueDate: "2019-10-31" },
              { status: "DONE", dueDate: "2019-10-01" },
            ],
          },
          { resolvedActions: [{ status: "OPEN", dueDate: "2019-10-01" }] },
        ],
      },
    ] as unknown as SnapshotSection[];
    markOverdueActions(sections, "2019-11-01");
    expect(sections[0].indicators.map((i) => [i.actions?.map((a) => a.overdue), i.resolvedActions?.map((a) => a.overdue)])).toEqual([
      [[true, undefined], undefined],
      [undefined, [undefined]],
    ]);
  });
});
