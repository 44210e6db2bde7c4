// The period lock under load: a value save, an import confirm, two commentary submits and a sign-off
// on the same month at the same moment all finish (PostgreSQL would abort one with 40P01 on a
// deadlock), each either lands or is refused with the error a person would see.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { saveValue } from "@/lib/values/save-value";
import { previewImport } from "@/lib/import/preview-import";
import { confirmImport } from "@/lib/import/confirm-import";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { approveEverythingElse } from "@/test/pack-fixtures-db";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";
import { csvFile } from "@/test/import-files";

async function month() {
  const admin = (await createTestUser("ADMIN")).sessionUser;
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const [first, second] = [await createSection([lead.id]), await createSection([lead.id])];
  const indicator = (sectionId: string) => {
    const code = unique("LCK").toUpperCase().replace(/-/g, "_");
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
        order: 1,
      },
    });
  };
  const [typed, imported] = [await indicator(first.id), await indicator(second.id)];
  const period = await createPeriod();
  const preview = await previewImport(admin, period.month, csvFile(`code,period,value\n${imported.code},${period.month},12\n`));
  if (!preview.ok) throw new Error(JSON.stringify(preview.error));
  for (const s of [first, second]) {
    await transitionCommentary(lead, { month: period.month, slug: s.slug, action: "save", expectedVersion: 0, body: "Draft." });
  }
  return { admin, lead, director, first, second, typed, imported, period, batchId: preview.batchId };
}

/** Every outcome is a result or one of the refusals a person is shown; never a database error. */
function settle(results: PromiseSettledResult<unknown>[]) {
  return results.map((r) => {
    if (r.status === "fulfilled") return "ok";
    if (!isAppError(r.reason)) throw r.reason;
    return r.reason.code;
  });
}

describe("one period lock", () => {
  it("runs a value save, an import confirm, two commentary submits and a sign-off at once without deadlock", async () => {
    for (let round = 0; round < 3; round++) {
      const m = await month();
      const results = await Promise.allSettled([
        saveValue(m.lead, { month: m.period.month, indicatorId: m.typed.id, expectedRevision: 0, value: "7" }),
        confirmImport(m.admin, m.batchId),
        transitionCommentary(m.lead, { month: m.period.month, slug: m.first.slug, action: "submit", expectedVersion: 1 }),
        transitionCommentary(m.lead, { month: m.period.month, slug: m.second.slug, action: "submit", expectedVersion: 1 }),
        signOffPack(m.director, { month: m.period.month, expectedPeriodVersion: 1 }),
      ]);
      // The sections are only submitted, so sign-off is refused, whichever order the locks were granted in.
      expect(settle(results)).toEqual(["ok", "ok", "ok", "ok", "INVALID_TRANSITION"]);
      const values = await db.indicatorValue.findMany({ where: { periodId: m.period.id }, orderBy: { value: "asc" } });
      expect(values.map((v) => [v.indicatorId, v.value])).toEqual([
        [m.typed.id, 7],
        [m.imported.id, 12],
      ]);
      expect(await db.commentary.count({ where: { periodId: m.period.id, status: "SUBMITTED" } })).toBe(2);
      expect((await db.period.findUniqueOrThrow({ where: { id: m.period.id } })).commentaryFirstSubmittedAt).not.toBeNull();
    }
  });

  it("lets a sign-off and edits racing it either land before the snapshot or be refused after it", async () => {
    const m = await month();
    for (const s of [m.first, m.second]) {
      await transitionCommentary(m.lead, { month: m.period.month, slug: s.slug, action: "submit", expectedVersion: 1 });
      await transitionCommentary(m.director, { month: m.period.month, slug: s.slug, action: "approve", expectedVersion: 2 });
    }
    await approveEverythingElse(m.period.id, [m.first.id, m.second.id]);
    await db.indicatorValue.create({
      data: { indicatorId: m.imported.id, periodId: m.period.id, value: 1, source: "ENTRY", updatedByName: "t" },
    });
    const again = await previewImport(m.admin, m.period.month, csvFile(`code,period,value\n${m.imported.code},${m.period.month},12\n`));
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    await db.indicatorValue.create({
      data: { indicatorId: m.typed.id, periodId: m.period.id, value: 1, source: "ENTRY", updatedByName: "t" },
    });
    const [save, imported, signOff] = settle(
      await Promise.allSettled([
        saveValue(m.lead, { month: m.period.month, indicatorId: m.typed.id, expectedRevision: 1, value: "7" }),
        confirmImport(m.admin, again.batchId),
        signOffPack(m.director, { month: m.period.month, expectedPeriodVersion: 1 }),
      ]),
    );
    expect(signOff).toBe("ok");
    expect(["ok", "INVALID_TRANSITION"]).toContain(save);
    expect(["ok", "INVALID_TRANSITION"]).toContain(imported);
    // The frozen pack holds exactly the edits that landed first.
    const pack = await db.packVersion.findFirstOrThrow({ where: { periodId: m.period.id } });
    const frozen = (pack.snapshot as unknown as PackSnapshot).sections.flatMap((s) => s.indicators);
    const figure = (code: string) => frozen.find((i) => i.code === code)?.value;
    expect(figure(m.typed.code)).toBe(save === "ok" ? 7 : 1);
    expect(figure(m.imported.code)).toBe(imported === "ok" ? 12 : 1);
  });
});
