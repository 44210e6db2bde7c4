// The history import on the real database: months before the first opened become history months,
// open months are filled, signed-off months refuse; all or nothing with one audit event per month.
// Uses 2001: other tests' periods are in far-future years, so 2001 is the first opened month here.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { previewHistoryImport } from "@/lib/import/history/preview-history-import";
import { confirmHistoryImport } from "@/lib/import/history/confirm-history-import";
import { discardImport } from "@/lib/import/discard-import";
import { saveValue } from "@/lib/values/save-value";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import { csvFile } from "@/test/import-files";

async function createIndicator(sectionId: string) {
  const code = unique("HIS").toUpperCase().replace(/-/g, "_");
  return db.indicator.create({
    data: {
      code,
      name: `Indicator ${code}`,
      sectionId,
      definition: "For tests",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: 1,
    },
  });
}
async function preview(...args: Parameters<typeof previewHistoryImport>) {
  const result = await previewHistoryImport(...args);
  if (!result.ok) throw new Error(`expected a preview, got ${JSON.stringify(result.error)}`);
  return result;
}

describe("history import", () => {
  it("creates history months and fills the open one in one go; refuses signed-off months; corrects history months with revisions", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const lead = await createTestUser("SERVICE_LEAD");
    const section = await createSection([lead.id]);
    const [a, b] = [await createIndicator(section.id), await createIndicator(section.id)];
    await createPeriod({ month: "2001-05", status: "SIGNED_OFF" });
    const open = await createPeriod({ month: "2001-06", status: "OPEN" });

    // A signed-off month in the file: refused, nothing kept.
    const refused = await preview(admin, csvFile(`code,Jan-01,Feb-01,May-01\n${a.code},1,2,3\n`, "history.csv"));
    expect(refused.plan.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Row 2, column May-01: the May 2001 pack is signed off/),
    ]);
    await expect(confirmHistoryImport(admin, refused.batchId)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.period.count({ where: { month: { in: ["2001-01", "2001-02"] } } })).toBe(0);
    await discardImport(admin, refused.batchId);

    const { batchId, plan } = await preview(
      admin,
      csvFile(`code,Jan-01,Feb-01,Mar-01,Jun-01\n${a.code},1,2,3,6\n${b.code},10,,30,60\n`, "history.csv"),
    );
    expect(plan.months.map((m) => [m.month, m.action, m.counts.new])).toEqual([
      ["2001-01", "create-history", 2],
      ["2001-02", "create-history", 1],
      ["2001-03", "create-history", 2],
      ["2001-06", "open", 2],
    ]);
    const outcome = await confirmHistoryImport(admin, batchId);
    expect(outcome.months.map((m) => [m.month, m.createdMonth, m.created])).toEqual([
      ["2001-01", true, 2],
      ["2001-02", true, 1],
      ["2001-03", true, 2],
      ["2001-06", false, 2],
    ]);

    const periods = await db.period.findMany({
      where: { month: { gte: "2001-01", lte: "2001-06" } },
      orderBy: { month: "asc" },
      select: { month: true, status: true, panelMeetingDate: true },
    });
    expect(periods).toEqual([
      { month: "2001-01", status: "HISTORY", panelMeetingDate: null },
      { month: "2001-02", status: "HISTORY", panelMeetingDate: null },
      { month: "2001-03", status: "HISTORY", panelMeetingDate: null },
      { month: "2001-05", status: "SIGNED_OFF", panelMeetingDate: expect.any(Date) },
      { month: "2001-06", status: "OPEN", panelMeetingDate: expect.any(Date) },
    ]);
    const values = await db.indicatorValue.findMany({
      where: { indicatorId: { in: [a.id, b.id] } },
      select: { value: true, source: true, revision: true, period: { select: { month: true } }, indicator: { select: { code: true } } },
    });
    expect(
      values.map((v) => `${v.indicator.code === a.code ? "a" : "b"} ${v.period.month} ${v.value} r${v.revision} ${v.source}`).sort(),
    ).toEqual([
      "a 2001-01 1 r1 IMPORT",
      "a 2001-02 2 r1 IMPORT",
      "a 2001-03 3 r1 IMPORT",
      "a 2001-06 6 r1 IMPORT",
      "b 2001-01 10 r1 IMPORT",
      "b 2001-03 30 r1 IMPORT",
      "b 2001-06 60 r1 IMPORT",
    ]);
    const audits = await db.auditEvent.findMany({
      where: { action: "values.imported", entityId: batchId },
      orderBy: { periodMonth: "asc" },
    });
    expect(
      audits.map((e) => [e.periodMonth, (e.after as { created: number }).created, (e.after as { monthAction: string }).monthAction]),
    ).toEqual([
      ["2001-01", 2, "create-history"],
      ["2001-02", 1, "create-history"],
      ["2001-03", 2, "create-history"],
      ["2001-06", 2, "open"],
    ]);
    await expect(confirmHistoryImport(admin, batchId)).rejects.toMatchObject({ code: "CONFLICT" });

    // Correcting a history month: a revision, as any value change.
    const fix = await preview(admin, csvFile(`code,period,value\n${a.code},2001-02,22\n`, "fix.csv"));
    expect(fix.plan.months.map((m) => [m.month, m.action, m.counts.changed])).toEqual([["2001-02", "history", 1]]);
    await confirmHistoryImport(admin, fix.batchId);
    const fixed = await db.indicatorValue.findFirstOrThrow({
      where: { indicatorId: a.id, period: { month: "2001-02" } },
      include: { revisions: { orderBy: { revision: "asc" } } },
    });
    expect([fixed.value, fixed.revision, fixed.revisions.map((r) => [r.oldValue, r.newValue])]).toEqual([
      22,
      2,
      [
        [null, 2],
        [2, 22],
      ],
    ]);

    // An administrator corrects a history value by hand too; commentary is refused there.
    expect(await saveValue(admin, { month: "2001-03", indicatorId: a.id, expectedRevision: 1, value: "33" })).toMatchObject({
      value: 33,
      revision: 2,
    });
    await expect(
      autosaveCommentary(lead.sessionUser, { month: "2001-03", slug: section.slug, body: "x", expectedVersion: 0 }),
    ).rejects.toMatchObject({ message: "March 2001 is a history month: it holds figures only, with no commentary or pack." });
    expect(open.month).toBe("2001-06");
  });

  it("writes nothing when a month moves between the preview and the confirmation", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const section = await createSection();
    const a = await createIndicator(section.id);
    const { batchId } = await preview(admin, csvFile(`code,period,value\n${a.code},2000-02,1\n${a.code},2000-03,2\n`, "race.csv"));
    // Someone opens March 2000 meanwhile (as a history month it would now be "history", not "create-history").
    await createPeriod({ month: "2000-03", status: "HISTORY" });
    await expect(confirmHistoryImport(admin, batchId)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.period.count({ where: { month: "2000-02" } })).toBe(0);
    expect(await db.indicatorValue.count({ where: { indicatorId: a.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "values.imported", entityId: batchId } })).toBe(0);
  });
});
