// Sign-off preconditions, the snapshot it freezes, hash verification, publication and amendment,
// on a small council made for each test (one section, two indicators).
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { publishPack } from "@/lib/pack/lifecycle/publish-pack";
import { startAmendment } from "@/lib/pack/lifecycle/start-amendment";
import { findPackView } from "@/lib/pack/delivery/find-pack";
import { saveValue } from "@/lib/values/save-value";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { addMonths } from "@/lib/format/dates";
import { approveEverythingElse } from "@/test/pack-fixtures-db";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

async function council() {
  // Indicators are global to the catalogue, so other tests' sections appear in every snapshot:
  // isolate by deactivating nothing, and look only at this test's section.
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const section = await createSection([lead.id]);
  const month = uniqueMonth();
  const prev = await createPeriod({ month: addMonths(month, -1), status: "PUBLISHED" });
  const period = await createPeriod({ month });
  const mk = (code: string, unit: "COUNT" | "PERCENT", polarity: "NEITHER" | "HIGHER_IS_BETTER", order: number) =>
    db.indicator.create({
      data: {
        code,
        name: code,
        sectionId: section.id,
        definition: "d",
        unit,
        polarity,
        measureType: "MONTHLY_COUNT",
        decimals: unit === "COUNT" ? 0 : 1,
        order,
        suppressSmallNumbers: unit === "COUNT",
      },
    });
  const count = await mk(unique("CNT").toUpperCase().replace(/-/g, "_"), "COUNT", "NEITHER", 1);
  const pct = await mk(unique("PCT").toUpperCase().replace(/-/g, "_"), "PERCENT", "HIGHER_IS_BETTER", 2);
  await db.indicatorTarget.create({ data: { indicatorId: pct.id, fromMonth: addMonths(month, -24), target: 80, tolerance: 5 } });
  await db.comparator.create({ data: { indicatorId: pct.id, label: "England", periodLabel: "2018-19", value: 78.7 } });
  // A financial year that ends after the pack's month, whatever the month: from April of its year. (The year
  // the month falls in ends in March, so for a March pack it has ended: the test failed when it drew March.)
  const y = Number(month.slice(0, 4));
  await db.comparator.create({
    data: { indicatorId: pct.id, label: "England", periodLabel: `${y}-${String((y + 1) % 100).padStart(2, "0")}`, value: 99.9 },
  });
  const value = (indicatorId: string, periodId: string, v: number) =>
    db.indicatorValue.create({ data: { indicatorId, periodId, value: v, source: "ENTRY", updatedByName: "t" } });
  await value(count.id, prev.id, 7);
  await value(pct.id, prev.id, 82);
  await value(count.id, period.id, 3);
  await value(pct.id, period.id, 76);
  return { lead, director, panel, section, period, month, count, pct };
}

describe("signing off, publishing and amending a pack", () => {
  it("refuses sign-off while a section is not approved or a value is missing, and lists them", async () => {
    const c = await council();
    await approveEverythingElse(c.period.id, [c.section.id]);
    await expect(signOffPack(c.director, { month: c.month, expectedPeriodVersion: 1 })).rejects.toThrow(/not approved \(.*\)/);
    await transitionCommentary(c.lead, { month: c.month, slug: c.section.slug, action: "submit", expectedVersion: 0, body: "Fine." });
    await transitionCommentary(c.director, { month: c.month, slug: c.section.slug, action: "approve", expectedVersion: 1 });
    await db.indicatorValue.deleteMany({ where: { indicatorId: c.pct.id, periodId: c.period.id } });
    await expect(signOffPack(c.director, { month: c.month, expectedPeriodVersion: 1 })).rejects.toThrow(/1 indicator has no value/);
    expect(await db.packVersion.count({ where: { periodId: c.period.id } })).toBe(0);
  });

  it("freezes a verified snapshot that live changes never alter, then publishes and amends", async () => {
    const c = await council();
    await approveEverythingElse(c.period.id, [c.section.id]);
    await transitionCommentary(c.lead, {
      month: c.month,
      slug: c.section.slug,
      action: "submit",
      expectedVersion: 0,
      body: "**Timeliness** fell.",
    });
    await transitionCommentary(c.director, { month: c.month, slug: c.section.slug, action: "approve", expectedVersion: 1 });
    await expect(signOffPack(c.lead, { month: c.month, expectedPeriodVersion: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signOffPack(c.director, { month: c.month, expectedPeriodVersion: 0 })).rejects.toMatchObject({ code: "CONFLICT" });
    const signed = await signOffPack(c.director, { month: c.month, expectedPeriodVersion: 1 });
    expect(signed.version).toBe(1);

    const stored = await db.packVersion.findUniqueOrThrow({ where: { id: signed.id } });
    const snap = stored.snapshot as unknown as PackSnapshot;
    expect(verifyContentHash(stored.snapshot, stored.contentHash)).toBe(true);
    const section = snap.sections.find((s) => s.slug === c.section.slug)!;
    const [count, pct] = section.indicators;
    expect(count).toMatchObject({ value: null, suppressed: { value: true, lastMonth: false }, lastMonth: 7, changeVsLastMonth: "c" });
    expect(pct).toMatchObject({
      value: 76,
      lastMonth: 82,
      rag: "AMBER",
      target: { value: 80, tolerance: 5 },
      vsLastMonth: { verdict: "WORSE" },
      summary: stringMatching(/^Down from 82.0% to 76.0% since /),
    });
    expect(pct.trend).toHaveLength(24);
    // Only a year that had ended by the pack's month is frozen, and the chart draws that figure.
    expect(pct.comparators).toEqual([expect.objectContaining({ label: "England", periodLabel: "2018-19", value: 78.7, comparable: true })]);
    expect(snap.schema).toBe(7);
    expect(section.commentary).toMatchObject({
      body: "**Timeliness** fell.",
      authors: [{ name: c.lead.name, initials: "TS" }],
      approvedByName: c.director.name,
    });
    expect(snap.charts[pct.code]).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby=.*<title id=.*<\/svg>$/s);
    expect(snap.charts[pct.code]).toContain("Dotted line: England 2018-19, 78.7%.");
    expect(snap.charts[pct.code]).not.toContain("99.9");
    expect(snap.signedOff).toMatchObject({ name: c.director.name, role: "DIRECTOR" });

    // Not visible to the panel until published; editing is refused once signed off.
    await expect(findPackView(c.panel, c.month)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      transitionCommentary(c.lead, { month: c.month, slug: c.section.slug, action: "save", expectedVersion: 2, body: "x" }),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(saveValue(c.lead, { month: c.month, indicatorId: c.count.id, expectedRevision: 1, value: "4" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: stringMatching(/pack is signed off/),
    });
    await publishPack(c.director, { month: c.month, expectedPeriodVersion: 2 });
    const view = await findPackView(c.panel, c.month);
    expect(view.kind).toBe("frozen");

    // Live data, targets and users change; the published pack does not.
    await db.indicatorValue.updateMany({ where: { indicatorId: c.pct.id, periodId: c.period.id }, data: { value: 99 } });
    await db.indicatorTarget.updateMany({ where: { indicatorId: c.pct.id }, data: { target: 50 } });
    await db.user.update({ where: { id: c.director.id }, data: { name: "Someone Else" } });
    const again = await findPackView(c.panel, c.month);
    if (again.kind !== "frozen") throw new Error("expected frozen");
    expect(again.snapshot.sections.find((s) => s.slug === c.section.slug)!.indicators[1]).toMatchObject({
      value: 76,
      rag: "AMBER",
      target: { value: 80 },
    });
    expect(again.snapshot.signedOff.name).toBe(c.director.name);

    // An amendment: reason required, then version 2 supersedes version 1, which stays readable.
    await expect(startAmendment(c.director, { month: c.month, expectedPeriodVersion: 3, reason: " " })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await startAmendment(c.director, { month: c.month, expectedPeriodVersion: 3, reason: "Corrected timeliness figure" });
    const v2 = await signOffPack(c.director, { month: c.month, expectedPeriodVersion: 4 });
    expect(v2.version).toBe(2);
    await publishPack(c.director, { month: c.month, expectedPeriodVersion: 5 });
    const latest = await findPackView(c.panel, c.month);
    const old = await findPackView(c.panel, c.month, { version: 1 });
    if (latest.kind !== "frozen" || old.kind !== "frozen") throw new Error("expected frozen");
    expect(latest.version).toBe(2);
    expect(latest.snapshot.amendmentReason).toBe("Corrected timeliness figure");
    expect(latest.amendments.map((a) => [a.version, a.reason])).toEqual([
      [1, null],
      [2, "Corrected timeliness figure"],
    ]);
    expect(old.supersededByVersion).toBe(2);
    expect(old.snapshot.sections.find((s) => s.slug === c.section.slug)!.indicators[1].value).toBe(76);
  });

  it("never serves a tampered snapshot", async () => {
    const c = await council();
    await approveEverythingElse(c.period.id, [c.section.id]);
    await transitionCommentary(c.lead, { month: c.month, slug: c.section.slug, action: "submit", expectedVersion: 0, body: "Fine." });
    await transitionCommentary(c.director, { month: c.month, slug: c.section.slug, action: "approve", expectedVersion: 1 });
    const signed = await signOffPack(c.director, { month: c.month, expectedPeriodVersion: 1 });
    await db.$executeRaw`UPDATE "PackVersion" SET snapshot = jsonb_set(snapshot, '{council}', '"Tampered Council"') WHERE id = ${signed.id}::uuid`;
    await expect(publishPack(c.director, { month: c.month, expectedPeriodVersion: 2 })).rejects.toThrow(/integrity check/);
    const view = await findPackView(c.director, c.month);
    expect(view.kind).toBe("tampered");
  });

  it("detects a frozen chart altered in the database: the hash covers the charts too", async () => {
    const c = await council();
    await approveEverythingElse(c.period.id, [c.section.id]);
    await transitionCommentary(c.lead, { month: c.month, slug: c.section.slug, action: "submit", expectedVersion: 0, body: "Fine." });
    await transitionCommentary(c.director, { month: c.month, slug: c.section.slug, action: "approve", expectedVersion: 1 });
    const signed = await signOffPack(c.director, { month: c.month, expectedPeriodVersion: 1 });
    await publishPack(c.director, { month: c.month, expectedPeriodVersion: 2 });
    expect((await findPackView(c.panel, c.month)).kind).toBe("frozen");
    // The percentage's chart, as sign-off drew it, with its title rewritten: the figures beside it
    // still say 76.0%, the chart now tells another story. The stored hash is left as it was.
    const stored = await db.packVersion.findUniqueOrThrow({ where: { id: signed.id } });
    const svg = (stored.snapshot as unknown as PackSnapshot).charts[c.pct.code];
    expect(svg).toMatch(/^<svg/);
    const forged = svg.replace(/<title([^>]*)>[^<]*<\/title>/, "<title$1>Timeliness rose to 95%</title>");
    expect(forged).not.toBe(svg);
    await db.$executeRaw`
      UPDATE "PackVersion" SET snapshot = jsonb_set(snapshot, ARRAY['charts', ${c.pct.code}], to_jsonb(${forged}::text)) WHERE id = ${signed.id}::uuid`;
    const after = await db.packVersion.findUniqueOrThrow({ where: { id: signed.id } });
    expect((after.snapshot as unknown as PackSnapshot).charts[c.pct.code]).toBe(forged);
    expect(after.contentHash).toBe(stored.contentHash);
    expect(await findPackView(c.panel, c.month)).toEqual({ kind: "tampered", version: 1, month: c.month });
    expect(await findPackView(c.director, c.month)).toMatchObject({ kind: "tampered", version: 1 });
  });
});
