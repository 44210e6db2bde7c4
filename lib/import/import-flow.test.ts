import { describe, expect, it } from "vitest";
import { anyInstanceOf, stringContaining, stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { previewImport } from "@/lib/import/preview-import";
import { confirmImport } from "@/lib/import/confirm-import";
import { discardImport } from "@/lib/import/discard-import";
import { findImportBatch, PREVIEW_ERRORS_LISTED, PREVIEW_ROWS_PER_PAGE } from "@/lib/import/find-import-batch";
import { readStoredPreview } from "@/lib/import/stored-preview";
import { applyValueChange } from "@/lib/values/apply-value-change";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import { csvFile, xlsxFile } from "@/test/import-files";
import type { Unit } from "@/lib/generated/prisma/enums";

async function createIndicator(sectionId: string, unit: Unit = "COUNT", decimals = 0) {
  const code = unique("IMP").toUpperCase().replace(/-/g, "_");
  return db.indicator.create({
    data: {
      code,
      name: `Indicator ${code}`,
      sectionId,
      definition: "For tests",
      unit,
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals,
      order: 1,
    },
  });
}

async function setup() {
  const admin = (await createTestUser("ADMIN")).sessionUser;
  const section = await createSection();
  const [a, b, c, pct] = [
    await createIndicator(section.id),
    await createIndicator(section.id),
    await createIndicator(section.id),
    await createIndicator(section.id, "PERCENT", 1),
  ];
  const period = await createPeriod();
  return { admin, a, b, c, pct, period, month: period.month };
}

const valuesOf = (periodId: string) =>
  db.indicatorValue.findMany({
    where: { periodId },
    include: { revisions: { orderBy: { revision: "asc" } } },
    orderBy: { indicator: { code: "asc" } },
  });

async function preview(...args: Parameters<typeof previewImport>) {
  const result = await previewImport(...args);
  if (!result.ok) throw new Error(`expected a preview, got ${JSON.stringify(result.error)}`);
  return result;
}

describe("previewImport and confirmImport", () => {
  it("previews new, changed and unchanged rows, then commits them in one go with revisions and one audit event", async () => {
    const { admin, a, b, c, pct, period, month } = await setup();
    await db.$transaction((tx) =>
      applyValueChange(
        tx,
        admin,
        { indicatorId: b.id, periodId: period.id, value: 10, notAvailableReason: null, note: "Provisional", source: "ENTRY" },
        null,
      ),
    );
    await db.$transaction((tx) =>
      applyValueChange(tx, admin, { indicatorId: c.id, periodId: period.id, value: 7, notAvailableReason: null, source: "ENTRY" }, null),
    );

    const csv = `code,period,value,note\n${a.code},${month},"1,337",\n${b.code},${month},12,Revised\n${c.code},${month},7,\n${pct.code},${month},,System outage\n${a.code},2019-01,5,\n`;
    const { batchId, preview: p } = await preview(admin, month, csvFile(csv, "september.csv"));
    expect(p.counts).toEqual({ new: 2, changed: 1, unchanged: 1, error: 0 });
    expect(p.skipped).toEqual({ rows: 1, months: ["2019-01"] });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({
      status: "PENDING",
      periodId: period.id,
      fileName: "september.csv",
      rowCount: 4,
      errorCount: 0,
      createdById: admin.id,
    });
    expect(batch.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(2);

    const outcome = await confirmImport(admin, batchId);
    expect(outcome).toEqual({ month, created: 2, changed: 1, unchanged: 1 });
    const rows = await valuesOf(period.id);
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    expect(byId.get(a.id)).toMatchObject({
      value: 1337,
      notAvailableReason: null,
      note: null,
      source: "IMPORT",
      revision: 1,
      updatedById: admin.id,
      updatedByName: admin.name,
      revisedAfterSubmission: false,
    });
    expect(byId.get(a.id)!.revisions.map((r) => [r.revision, r.oldValue, r.newValue, r.source, r.actorId])).toEqual([
      [1, null, 1337, "IMPORT", admin.id],
    ]);
    expect(byId.get(b.id)).toMatchObject({ value: 12, note: "Revised", source: "IMPORT", revision: 2 });
    expect(byId.get(b.id)!.revisions.map((r) => [r.revision, r.oldValue, r.newValue, r.source])).toEqual([
      [1, null, 10, "ENTRY"],
      [2, 10, 12, "IMPORT"],
    ]);
    expect(byId.get(c.id)).toMatchObject({ value: 7, source: "ENTRY", revision: 1 });
    expect(byId.get(pct.id)).toMatchObject({ value: null, notAvailableReason: "System outage", revision: 1 });
    expect(byId.get(pct.id)!.revisions[0]).toMatchObject({ newValue: null, newNotAvailableReason: "System outage" });
    expect(Math.abs(byId.get(a.id)!.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);

    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      status: "COMMITTED",
      committedAt: anyInstanceOf(Date),
    });
    const audit = await db.auditEvent.findMany({ where: { entityId: batchId } });
    expect(audit.map((e) => [e.action, e.actorId, e.periodMonth])).toEqual([["values.imported", admin.id, month]]);
    expect(audit[0].after).toEqual({ fileName: "september.csv", created: 2, changed: 1, unchanged: 1, skippedOtherMonths: 1 });
  });

  it("writes what applyValueChange writes, including revisedAfterSubmission once commentary was submitted", async () => {
    const { admin, a, b, period, month } = await setup();
    const submitted = new Date();
    await db.period.update({ where: { id: period.id }, data: { commentaryFirstSubmittedAt: submitted } });
    await db.$transaction((tx) =>
      applyValueChange(
        tx,
        admin,
        { indicatorId: a.id, periodId: period.id, value: 5, notAvailableReason: null, source: "IMPORT" },
        submitted,
      ),
    );
    const { batchId } = await preview(admin, month, csvFile(`code,value\n${b.code},5\n`));
    await confirmImport(admin, batchId);
    const [byApply, byImport] = [a, b].map(async (i) =>
      db.indicatorValue.findUniqueOrThrow({
        where: { indicatorId_periodId: { indicatorId: i.id, periodId: period.id } },
        include: { revisions: true },
      }),
    );
    const pick = (v: Awaited<typeof byApply>) => ({
      value: v.value,
      reason: v.notAvailableReason,
      note: v.note,
      source: v.source,
      revision: v.revision,
      revised: v.revisedAfterSubmission,
      by: v.updatedById,
      byName: v.updatedByName,
      revisions: v.revisions.map((r) => [
        r.revision,
        r.oldValue,
        r.newValue,
        r.oldNotAvailableReason,
        r.newNotAvailableReason,
        r.source,
        r.actorId,
        r.actorName,
      ]),
    });
    expect(pick(await byImport)).toEqual(pick(await byApply));
    expect((await byImport).revisedAfterSubmission).toBe(true);
  });

  it("imports an XLSX file", async () => {
    const { admin, a, pct, period, month } = await setup();
    const { batchId, preview: p } = await preview(
      admin,
      month,
      await xlsxFile([
        ["Indicator code", "Value"],
        [a.code, 42],
        [pct.code, { value: 0.615, numFmt: "0.0%" }],
      ]),
    );
    expect(p.counts).toMatchObject({ new: 2, error: 0 });
    await confirmImport(admin, batchId);
    expect((await valuesOf(period.id)).map((v) => v.value).sort((a, b) => Number(a) - Number(b))).toEqual([42, 61.5]);
  });

  it("keeps a file with errors as a preview that cannot be confirmed, and writes nothing", async () => {
    const { admin, a, b, period, month } = await setup();
    const { batchId, preview: p } = await preview(admin, month, csvFile(`code,value\n${a.code},1\n${b.code},1.5\nNOPE,2\n`));
    expect(p.errors.map((e) => e.message)).toEqual([
      `Row 3, column value: the value for ${b.code} must be a whole number (got 1.5)`,
      'Row 4, column code: "NOPE" is not an indicator code in the catalogue',
    ]);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ errorCount: 2, rowCount: 3 });
    await expect(confirmImport(admin, batchId)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(0);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe("PENDING");
  });

  it("returns file-level problems without storing a batch", async () => {
    const { admin, period, month } = await setup();
    expect(await previewImport(admin, month, csvFile("code,amount\nX,1\n"))).toEqual({
      ok: false,
      error: { code: "missing-column", column: "value" },
    });
    expect(await previewImport(admin, month, csvFile("", "empty.csv"))).toEqual({ ok: false, error: { code: "empty" } });
    expect(await previewImport(admin, month, csvFile("code,period,value\nX,2001-01,1\n"))).toMatchObject({
      ok: false,
      error: { code: "no-rows-for-month" },
    });
    expect(await db.importBatch.count({ where: { periodId: period.id } })).toBe(0);
  });

  it("commits once when confirmed twice at the same time", async () => {
    const { admin, a, b, period, month } = await setup();
    const { batchId } = await preview(admin, month, csvFile(`code,value\n${a.code},1\n${b.code},2\n`));
    const results = await Promise.allSettled([confirmImport(admin, batchId), confirmImport(admin, batchId)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.valueRevision.count({ where: { value: { periodId: period.id } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: batchId, action: "values.imported" } })).toBe(1);
    await expect(confirmImport(admin, batchId)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This file has already been imported.",
    });
  });

  it("refuses to commit, writing nothing, when a value changed or appeared after the preview", async () => {
    const { admin, a, b, c, period, month } = await setup();
    await db.$transaction((tx) =>
      applyValueChange(tx, admin, { indicatorId: a.id, periodId: period.id, value: 1, notAvailableReason: null, source: "ENTRY" }, null),
    );
    const first = await preview(admin, month, csvFile(`code,value\n${a.code},2\n${b.code},3\n`));
    await db.$transaction((tx) =>
      applyValueChange(tx, admin, { indicatorId: a.id, periodId: period.id, value: 9, notAvailableReason: null, source: "ENTRY" }, null),
    );
    await expect(confirmImport(admin, first.batchId)).rejects.toMatchObject({
      code: "CONFLICT",
      message: stringMatching(/Upload the file again/),
    });

    const second = await preview(admin, month, csvFile(`code,value\n${c.code},4\n${b.code},3\n`));
    await db.$transaction((tx) =>
      applyValueChange(tx, admin, { indicatorId: c.id, periodId: period.id, value: 8, notAvailableReason: null, source: "ENTRY" }, null),
    );
    await expect(confirmImport(admin, second.batchId)).rejects.toMatchObject({ code: "CONFLICT" });

    const stored = await valuesOf(period.id);
    expect(stored.map((v) => [v.indicatorId, v.value])).toEqual(
      expect.arrayContaining([
        [a.id, 9],
        [c.id, 8],
      ]),
    );
    expect(stored.find((v) => v.indicatorId === b.id)).toBeUndefined();
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: first.batchId } })).status).toBe("PENDING");
  });

  it("refuses signed-off periods, before the preview and at confirmation", async () => {
    const { admin, a, period, month } = await setup();
    // Signed-off periods are deleted straight after: other test files judge "after the last sign-off".
    const frozen = await createPeriod({ status: "SIGNED_OFF" });
    try {
      await expect(previewImport(admin, frozen.month, csvFile(`code,value\n${a.code},1\n`))).rejects.toMatchObject({
        code: "INVALID_TRANSITION",
      });
      const { batchId } = await preview(admin, month, csvFile(`code,value\n${a.code},1\n`));
      await db.period.update({ where: { id: period.id }, data: { status: "SIGNED_OFF" } });
      await expect(confirmImport(admin, batchId)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
      expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(0);
    } finally {
      await db.period.deleteMany({ where: { id: { in: [frozen.id, period.id] } } });
    }
    await expect(previewImport(admin, "1999-01", csvFile(`code,value\n${a.code},1\n`))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only administrators preview, confirm, discard or read an import", async () => {
    const { admin, a, month } = await setup();
    const { batchId } = await preview(admin, month, csvFile(`code,value\n${a.code},1\n`));
    for (const role of ["SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const) {
      const user = (await createTestUser(role)).sessionUser;
      await expect(previewImport(user, month, csvFile(`code,value\n${a.code},1\n`))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(confirmImport(user, batchId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(discardImport(user, batchId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findImportBatch(user, month, batchId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(confirmImport(null, batchId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("discards a preview so it can no longer be confirmed, and finds batches only under their own month", async () => {
    const { admin, a, period, month } = await setup();
    const { batchId } = await preview(admin, month, csvFile(`code,value\n${a.code},1\n`));
    expect(await findImportBatch(admin, month, batchId)).toMatchObject({ id: batchId, status: "PENDING", preview: { counts: { new: 1 } } });
    expect(await findImportBatch(admin, "2001-01", batchId)).toBeNull();
    expect(await findImportBatch(admin, month, "not-a-uuid")).toBeNull();
    expect(await discardImport(admin, batchId)).toEqual({ month });
    await expect(confirmImport(admin, batchId)).rejects.toMatchObject({ code: "CONFLICT", message: stringMatching(/discarded/) });
    await expect(discardImport(admin, batchId)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.indicatorValue.count({ where: { periodId: period.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: batchId, action: "values.import_discarded" } })).toBe(1);
    await expect(confirmImport(admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the preview, a page at a time", () => {
  it("gives each page's rows errors first, then changed, new and unchanged, each in file order, and the first errors with their page", async () => {
    const { admin, a, b, c, pct, period, month } = await setup();
    await db.$transaction((tx) =>
      applyValueChange(tx, admin, { indicatorId: b.id, periodId: period.id, value: 10, notAvailableReason: null, source: "ENTRY" }, null),
    );
    await db.$transaction((tx) =>
      applyValueChange(tx, admin, { indicatorId: c.id, periodId: period.id, value: 7, notAvailableReason: null, source: "ENTRY" }, null),
    );
    const unknown = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `NOPE_${from + i},1`);
    const lines = [`${a.code},1`, ...unknown(0, 250), `${b.code},12`, ...unknown(250, 450), `${c.code},7`, `${pct.code},50`];
    const { batchId } = await preview(admin, month, csvFile(`code,value\n${lines.join("\n")}\n`));

    // What the page used to do in JavaScript with every row: the oracle for what PostgreSQL picks out.
    const stored = readStoredPreview((await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).rows);
    const order = ["error", "changed", "new", "unchanged"];
    const ordered = order.flatMap((s) => stored.rows.filter((r) => r.status === s));
    expect(ordered).toHaveLength(454);

    const pages = await Promise.all([1, 2, 3].map((n) => findImportBatch(admin, month, batchId, n)));
    pages.forEach((view, i) => {
      expect(view!.preview).toMatchObject({
        page: i + 1,
        pageCount: 3,
        rowCount: 454,
        errorCount: 450,
        counts: { new: 2, changed: 1, unchanged: 1, error: 450 },
      });
      expect(view!.preview.rows.map((r) => r.row)).toEqual(
        ordered.slice(i * PREVIEW_ROWS_PER_PAGE, (i + 1) * PREVIEW_ROWS_PER_PAGE).map((r) => r.row),
      );
    });
    expect(pages[2]!.preview.rows.slice(-4).map((r) => [r.code, r.status, r.indicator?.id])).toEqual([
      [b.code, "changed", b.id],
      [a.code, "new", a.id],
      [pct.code, "new", pct.id],
      [c.code, "unchanged", c.id],
    ]);
    const listed = pages[0]!.preview.errors;
    expect(listed).toHaveLength(PREVIEW_ERRORS_LISTED);
    expect(listed.map((e) => e.row)).toEqual(
      stored.rows
        .flatMap((r) => r.errors ?? [])
        .slice(0, PREVIEW_ERRORS_LISTED)
        .map((e) => e.row),
    );
    expect(listed[0]).toMatchObject({ row: 3, column: "code", message: stringContaining('"NOPE_0"'), page: 1 });

    // Out of range or not a number: the nearest page.
    expect((await findImportBatch(admin, month, batchId, 99))!.preview.page).toBe(3);
    expect((await findImportBatch(admin, month, batchId, 0))!.preview.page).toBe(1);
    expect((await findImportBatch(admin, month, batchId, Number.NaN))!.preview.page).toBe(1);
  });
});
