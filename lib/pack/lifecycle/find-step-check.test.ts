// The check pages' reads before sign-off and publication: what would be frozen, why it cannot be
// signed off yet, the version waiting to be published, what it replaces and who will read it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { anyInstanceOf, stringMatching } from "@/test/matchers";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { publishPack } from "@/lib/pack/lifecycle/publish-pack";
import { startAmendment } from "@/lib/pack/lifecycle/start-amendment";
import { findPanelAudience, findPublishCheck, findSignOffCheck } from "@/lib/pack/lifecycle/find-step-check";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { addMonths } from "@/lib/format/dates";
import { approveEverythingElse } from "@/test/pack-fixtures-db";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

async function council() {
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  await db.user.update({ where: { id: lead.id }, data: { name: "Lena Lead" } });
  lead.name = "Lena Lead";
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const section = await createSection([lead.id]);
  const month = uniqueMonth();
  await createPeriod({ month: addMonths(month, -1), status: "PUBLISHED" });
  const period = await createPeriod({ month });
  const mk = (suffix: string, order: number) =>
    db.indicator.create({
      data: {
        code: unique(suffix).toUpperCase().replace(/-/g, "_"),
        name: `${suffix} ${order}`,
        sectionId: section.id,
        definition: "d",
        unit: "PERCENT",
        polarity: "HIGHER_IS_BETTER",
        measureType: "MONTHLY_COUNT",
        decimals: 1,
        order,
      },
    });
  const rated = await mk("Rated", 1);
  const missing = await mk("Missing", 2);
  await db.indicatorTarget.create({ data: { indicatorId: rated.id, fromMonth: addMonths(month, -24), target: 80, tolerance: 5 } });
  await db.indicatorValue.create({ data: { indicatorId: rated.id, periodId: period.id, value: 60, source: "ENTRY", updatedByName: "t" } });
  await db.indicatorValue.create({
    data: {
      indicatorId: missing.id,
      periodId: period.id,
      value: null,
      notAvailableReason: "Late from the provider",
      source: "ENTRY",
      updatedByName: "t",
    },
  });
  await approveEverythingElse(period.id, [section.id]);
  return { lead, director, section, period, month, rated, missing };
}

async function approve(c: Awaited<ReturnType<typeof council>>) {
  await transitionCommentary(c.lead, { month: c.month, slug: c.section.slug, action: "submit", expectedVersion: 0, body: "Fell." });
  await transitionCommentary(c.director, { month: c.month, slug: c.section.slug, action: "approve", expectedVersion: 1 });
}

describe("the check pages before sign-off and publication", () => {
  it("before sign-off: why it cannot be signed off yet, then what would be frozen, writing nothing", async () => {
    const c = await council();
    await expect(findSignOffCheck(c.lead, c.month)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await findSignOffCheck(c.director, "2019-13")).toBeNull();

    const early = await findSignOffCheck(c.director, c.month);
    expect(early).toMatchObject({ plan: { ok: true }, nextVersion: 1, summary: null });
    expect(early!.notApproved.map((s) => s.slug)).toEqual([c.section.slug]);

    await approve(c);
    const check = await findSignOffCheck(c.director, c.month);
    expect(check!.notApproved).toEqual([]);
    const summary = check!.summary!;
    expect(summary.sections.find((s) => s.slug === c.section.slug)).toEqual({
      name: c.section.name,
      slug: c.section.slug,
      indicators: 2,
      exceptions: anyInstanceOf(Number),
      commentary: { approvedByName: c.director.name, authors: ["Lena Lead"] },
    });
    expect(summary.notAvailable).toContainEqual({ name: "Missing 2", reason: "Late from the provider" });
    expect(summary.rag.RED).toBeGreaterThanOrEqual(1); // 60% against a target of 80% within 5
    expect(summary.indicators).toBe(summary.rag.RED + summary.rag.AMBER + summary.rag.GREEN + summary.rag.NONE);
    // Reading is not signing off.
    expect(await db.packVersion.count({ where: { periodId: c.period.id } })).toBe(0);
    expect((await db.period.findUniqueOrThrow({ where: { id: c.period.id } })).status).toBe("OPEN");

    await signOffPack(c.director, { month: c.month, expectedPeriodVersion: check!.period.version });
    const after = await findSignOffCheck(c.director, c.month);
    expect(after).toMatchObject({ plan: { ok: false, message: stringMatching(/already signed off/) }, summary: null });
  });

  it("before publication: the version waiting, what it replaces, and the active panel members by name", async () => {
    const c = await council();
    const member = await createTestUser("PANEL_MEMBER");
    await db.user.update({ where: { id: member.id }, data: { name: "Ada Member" } });
    const gone = await createTestUser("PANEL_MEMBER", { active: false });
    await db.user.update({ where: { id: gone.id }, data: { name: "Gone Member" } });
    await expect(findPublishCheck(c.lead, c.month)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const open = await findPublishCheck(c.director, c.month);
    expect(open).toMatchObject({ plan: { ok: false, message: stringMatching(/must be signed off/) }, pending: null });

    await approve(c);
    await signOffPack(c.director, { month: c.month, expectedPeriodVersion: 1 });
    const first = await findPublishCheck(c.director, c.month);
    expect(first).toMatchObject({
      plan: { ok: true },
      pending: { version: 1, signedOffByName: c.director.name, amendmentReason: null, intact: true },
      replaces: null,
    });
    expect(first!.pending!.summary!.sections.find((s) => s.slug === c.section.slug)?.indicators).toBe(2);
    expect(first!.panel).toContain("Ada Member");
    expect(first!.panel).not.toContain("Gone Member");
    expect(await findPanelAudience()).toEqual(first!.panel);

    await publishPack(c.director, { month: c.month, expectedPeriodVersion: 2 }, new Date(), { storePages: false });
    await startAmendment(c.director, { month: c.month, expectedPeriodVersion: 3, reason: "Figure corrected" });
    await signOffPack(c.director, { month: c.month, expectedPeriodVersion: 4 });
    expect(await findPublishCheck(c.director, c.month)).toMatchObject({
      pending: { version: 2, amendmentReason: "Figure corrected", intact: true },
      replaces: 1,
    });

    // A stored pack that fails its hash is shown as such, with nothing read from it.
    await db.$executeRaw`UPDATE "PackVersion" SET snapshot = jsonb_set(snapshot, '{council}', '"Tampered"') WHERE "periodId" = ${c.period.id}::uuid AND version = 2`;
    expect(await findPublishCheck(c.director, c.month)).toMatchObject({ pending: { version: 2, intact: false, summary: null } });
  });
});
