// The history import on the real database: months before the first opened become history months,
// open months are filled, signed-off months refuse; all or nothing with one audit event per month.
// Uses 2001: other tests' periods are in far-future years, so 2001 is the first opened month here.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { anyInstanceOf, stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { previewHistoryImport } from "@/lib/import/history/preview-history-import";
import { confirmHistoryImport } from "@/lib/import/history/confirm-history-import";
import { discardImport } from "@/lib/import/discard-import";
import { saveValue } from "@/lib/values/save-value";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import { csvFile } from "@/test/import-files";
import { holdRowLock } from "@/test/row-lock";

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

/** Whether another transaction holds a lock on the row `lockQuery` selects (FOR UPDATE NOWAIT), asked from a connection of its own. */
async function isRowLocked(lockQuery: string, params: unknown[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(lockQuery, params);
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === "55P03") return true; // lock_not_available
    throw e;
  } finally {
    await client.end();
  }
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
      { month: "2001-05", status: "SIGNED_OFF", panelMeetingDate: anyInstanceOf(Date) },
      { month: "2001-06", status: "OPEN", panelMeetingDate: anyInstanceOf(Date) },
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

  it("locks the months it writes before it claims the upload, in the order lock-period.ts documents", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const a = await createIndicator((await createSection()).id);
    const month = await createPeriod({ month: "2000-06", status: "HISTORY" });
    const { batchId, plan } = await preview(admin, csvFile(`code,period,value\n${a.code},2000-06,5\n`, "order.csv"));
    expect(plan.months.map((m) => [m.month, m.action])).toEqual([["2000-06", "history"]]);

    // A second connection holds the month's row as a sign-off does (step 1 of the order, FOR UPDATE).
    const held = await holdRowLock(`SELECT id FROM "Period" WHERE id = $1::uuid FOR UPDATE`, [month.id]);
    let confirmed: Promise<unknown>;
    let batchLockedWhileWaiting: boolean;
    try {
      confirmed = confirmHistoryImport(admin, batchId).then(
        () => "imported",
        (e: unknown) => e,
      );
      await held.waitForWaiters(1);
      // Queued at step 1, the import holds nothing of step 2: it has not claimed the upload's row yet.
      batchLockedWhileWaiting = await isRowLocked(`SELECT id FROM "ImportBatch" WHERE id = $1::uuid FOR UPDATE NOWAIT`, [batchId]);
    } finally {
      await held.release();
    }
    expect(batchLockedWhileWaiting).toBe(false);
    expect(await confirmed).toBe("imported");
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } })).toEqual({ status: "COMMITTED" });
    expect(await db.indicatorValue.findFirstOrThrow({ where: { indicatorId: a.id, periodId: month.id } })).toMatchObject({ value: 5 });
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

  it("refuses, writing nothing, when a month it fills is signed off after the preview", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const a = await createIndicator((await createSection()).id);
    const month = await createPeriod({ month: "2000-09", status: "OPEN" });
    const { batchId, plan } = await preview(admin, csvFile(`code,period,value\n${a.code},2000-09,5\n`, "late.csv"));
    expect(plan.months.map((m) => [m.month, m.action])).toEqual([["2000-09", "open"]]);
    await db.period.update({ where: { id: month.id }, data: { status: "SIGNED_OFF" } });
    await expect(confirmHistoryImport(admin, batchId)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringMatching(/^The September 2000 pack is signed off/),
    });
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.indicatorValue.count({ where: { indicatorId: a.id } })).toBe(0);
  });
});
