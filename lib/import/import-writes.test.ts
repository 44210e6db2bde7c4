// The import's set-based writes (lib/import/write-import-values.ts) on their own terms: the revision
// compare-and-set when a value changes between the confirmation's check and its write, and notes left
// alone by a file without a note column. The race is forced: a second connection changes the value and
// holds its row until the confirmation's UPDATE is waiting behind it. (Both were gaps found by npm run
// test:mutation: the confirmation's re-check caught every change made before it.)
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { previewImport } from "@/lib/import/preview-import";
import { confirmImport } from "@/lib/import/confirm-import";
import { applyValueChange } from "@/lib/values/apply-value-change";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import { csvFile } from "@/test/import-files";
import { holdRowLock } from "@/test/row-lock";

async function setup() {
  const admin = (await createTestUser("ADMIN")).sessionUser;
  const section = await createSection();
  const code = unique("WRT").toUpperCase().replace(/-/g, "_");
  const indicator = await db.indicator.create({
    data: {
      code,
      name: `Indicator ${code}`,
      sectionId: section.id,
      definition: "d",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: 1,
    },
  });
  const period = await createPeriod();
  await db.$transaction((tx) =>
    applyValueChange(
      tx,
      admin,
      { indicatorId: indicator.id, periodId: period.id, value: 10, notAvailableReason: null, note: "Provisional", source: "ENTRY" },
      null,
    ),
  );
  const stored = () =>
    db.indicatorValue.findUniqueOrThrow({ where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } } });
  return { admin, indicator, period, stored };
}

async function previewOf(admin: Awaited<ReturnType<typeof setup>>["admin"], month: string, text: string) {
  const result = await previewImport(admin, month, csvFile(text));
  if (!result.ok) throw new Error(`expected a preview, got ${JSON.stringify(result.error)}`);
  return result.batchId;
}

describe("the import's writes", () => {
  it("refuses, writing nothing, when a value changes after the confirmation checked it and before it wrote", async () => {
    const { admin, indicator, period, stored } = await setup();
    const batchId = await previewOf(admin, period.month, `code,value\n${indicator.code},12\n`);
    const before = await stored();
    // Someone's save, uncommitted: the confirmation still reads revision 1, then its UPDATE waits here.
    const held = await holdRowLock(`UPDATE "IndicatorValue" SET value = 77, revision = revision + 1 WHERE id = $1::uuid RETURNING id`, [
      before.id,
    ]);
    let confirmed: Promise<unknown>;
    try {
      confirmed = confirmImport(admin, batchId).then(
        () => "imported",
        (e: unknown) => e,
      );
      await held.waitForWaiters(1);
    } finally {
      await held.release();
    }
    expect(await confirmed!).toMatchObject({ code: "CONFLICT", message: stringMatching(/Upload the file again/) });
    expect(await stored()).toMatchObject({ value: 77, revision: 2 });
    expect(await db.valueRevision.count({ where: { valueId: before.id, source: "IMPORT" } })).toBe(0);
  });

  it("keeps a value's note when the file has no note column", async () => {
    const { admin, indicator, period, stored } = await setup();
    const batchId = await previewOf(admin, period.month, `code,value\n${indicator.code},12\n`);
    await confirmImport(admin, batchId);
    expect(await stored()).toMatchObject({ value: 12, note: "Provisional", revision: 2, source: "IMPORT" });
    // With a note column, the row's note replaces it (an empty cell clears it).
    const withNotes = await previewOf(admin, period.month, `code,value,note\n${indicator.code},13,\n`);
    await confirmImport(admin, withNotes);
    expect(await stored()).toMatchObject({ value: 13, note: null, revision: 3 });
  });
});
