// The header's count of what waits for the director (lib/tasks/find-tasks.ts): read in one statement,
// it must stay the count of the director's home page lists (findDirectorTasks), whatever the months hold.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countWaitingItems, findDirectorTasks } from "@/lib/tasks/find-tasks";
import { findLeadQuestionTasks } from "@/lib/tasks/find-panel-tasks";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";

beforeEach(async () => {
  await db.panelQuestion.deleteMany();
  await db.recommendation.deleteMany();
  await db.commentary.deleteMany();
  await db.indicatorValue.deleteMany();
  await db.indicator.deleteMany();
  await db.section.deleteMany();
});

async function indicator(sectionId: string) {
  const code = unique("WAIT").toUpperCase().replace(/-/g, "_");
  return db.indicator.create({
    data: { code, name: code, sectionId, definition: "d", unit: "COUNT", polarity: "NEITHER", measureType: "MONTHLY_COUNT", order: 1 },
  });
}

const commentary = (sectionId: string, periodId: string, status: "DRAFT" | "SUBMITTED" | "APPROVED") =>
  db.commentary.upsert({
    where: { sectionId_periodId: { sectionId, periodId } },
    create: { sectionId, periodId, body: "Text.", status },
    update: { status },
  });

async function homeCount() {
  const t = await findDirectorTasks();
  return t.submitted.length + t.readyToSignOff.length + t.questionsToApprove.length + t.packQuestions.length + t.recommendations.length;
}

describe("the director's waiting count", () => {
  it("counts sections submitted and months ready to sign off in open and amending months only, as the home page lists them", async () => {
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const a = await createSection();
    const b = await createSection();
    const i = await indicator(a.id);
    const open = await createPeriod();
    const amending = await createPeriod({ status: "AMENDING" });
    const published = await createPeriod({ status: "PUBLISHED" });
    const before = await countWaitingItems(director);
    expect(before).toBe(await homeCount());

    // Open: one section submitted, so not ready. Amending: everything in and approved, so ready.
    // Published: a submitted section there waits for no one.
    for (const p of [open, amending])
      await db.indicatorValue.create({ data: { indicatorId: i.id, periodId: p.id, value: 1, source: "ENTRY", updatedByName: "t" } });
    await commentary(a.id, open.id, "APPROVED");
    await commentary(b.id, open.id, "SUBMITTED");
    await commentary(a.id, amending.id, "APPROVED");
    await commentary(b.id, amending.id, "APPROVED");
    await commentary(b.id, published.id, "SUBMITTED");
    expect(await countWaitingItems(director)).toBe(before + 2);
    expect(await countWaitingItems(director)).toBe(await homeCount());

    // Approving the open month's last section: nothing submitted, and both months ready.
    await commentary(b.id, open.id, "APPROVED");
    expect(await countWaitingItems(director)).toBe(before + 2);
    expect(await countWaitingItems(director)).toBe(await homeCount());

    // A value taken away: the open month is not ready any more.
    await db.indicatorValue.updateMany({ where: { periodId: open.id }, data: { value: null } });
    expect(await countWaitingItems(director)).toBe(before + 1);
    expect(await countWaitingItems(director)).toBe(await homeCount());
  });
});

describe("the panel's questions and recommendations in the waiting counts", () => {
  it("counts answers to approve, pack-wide questions and responses owed for the director; questions on their sections for a lead; answers for the member who asked", async () => {
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const lead = await createTestUser("SERVICE_LEAD");
    const other = await createTestUser("SERVICE_LEAD");
    const member = await createTestUser("PANEL_MEMBER");
    const mine = await createSection([lead.id]);
    const theirs = await createSection([other.id]);
    const period = await createPeriod({ status: "PUBLISHED" }); // its meeting is in 2100: still to come
    const counts = async () => ({
      director: await countWaitingItems(director),
      lead: await countWaitingItems(lead.sessionUser),
      member: await countWaitingItems(member.sessionUser),
    });
    const before = await counts();
    const ask = (sectionId: string | null, status: "ASKED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED") =>
      db.panelQuestion.create({
        data: { periodId: period.id, sectionId, body: "Why?", askedById: member.id, askedByName: member.name, status },
      });

    await ask(mine.id, "ASKED");
    await ask(mine.id, "RETURNED");
    await ask(mine.id, "SUBMITTED"); // the director's to approve, no longer the lead's
    await ask(theirs.id, "DRAFT"); // another lead's
    await ask(null, "DRAFT"); // pack-wide: the director's to answer
    await ask(mine.id, "APPROVED"); // answered: the member's to read
    const rec = (number: number, status: "AWAITING_RESPONSE" | "ACCEPTED") =>
      db.recommendation.create({
        data: {
          periodId: period.id,
          meetingDate: new Date("2100-01-01"),
          number,
          text: "That...",
          addressedTo: "Cabinet",
          responseDue: new Date("2100-03-01"),
          status,
          createdByName: "t",
        },
      });
    await rec(1, "AWAITING_RESPONSE");
    await rec(2, "ACCEPTED");

    expect(await counts()).toEqual({ director: before.director + 3, lead: before.lead + 2, member: before.member + 1 });
    expect(await countWaitingItems(director)).toBe(await homeCount());
    const lists = await findDirectorTasks();
    expect(lists.questionsToApprove.map((q) => q.href)).toEqual([
      expect.stringMatching(/^\/periods\/\d{4}-\d{2}\/questions\/[0-9a-f-]{36}$/),
    ]);
    expect(lists.recommendations.map((r) => r.responseDue)).toEqual(["2100-03-01"]);
    expect((await findLeadQuestionTasks(lead)).map((q) => q.status).sort()).toEqual(["ASKED", "RETURNED"]);
  });
});
