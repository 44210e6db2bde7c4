// The header's count of what waits for the director (lib/tasks/find-tasks.ts): read in one statement,
// it must stay the count of the director's home page lists (findDirectorTasks), whatever the months hold.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countWaitingItems, findDirectorTasks } from "@/lib/tasks/find-tasks";
import { createPeriod, createSection, createTestUser, unique } from "@/test/factories";

beforeEach(async () => {
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
  return t.submitted.length + t.readyToSignOff.length;
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
