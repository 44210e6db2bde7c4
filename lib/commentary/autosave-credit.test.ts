import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";
import { createPeriod, createSection, createTestUser } from "@/test/factories";

describe("autosaved commentary is credited and audited", () => {
  it("credits an administrator who autosaved the text a lead then submitted unchanged", async () => {
    const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const section = await createSection([lead.id]);
    const period = await createPeriod();
    const at = { month: period.month, slug: section.slug };
    const a = await autosaveCommentary(admin, { ...at, expectedVersion: 0, body: "Words the administrator wrote" });
    const b = await autosaveCommentary(admin, { ...at, expectedVersion: a.version, body: "Words the administrator wrote, and more" });
    await transitionCommentary(lead, { ...at, action: "submit", expectedVersion: b.version });

    const c = await db.commentary.findUniqueOrThrow({
      where: { sectionId_periodId: { sectionId: section.id, periodId: period.id } },
      include: { revisions: { orderBy: { number: "asc" } } },
    });
    // The pack's "Commentary by" line lists the authors of the revisions.
    expect(c.revisions.map((r) => r.authorName)).toContain(admin.name);
    expect(c.revisions.at(-1)?.body).toBe("Words the administrator wrote, and more");
    const autosaves = await db.auditEvent.findMany({ where: { action: "commentary.autosaved", entityId: c.id } });
    expect(autosaves.map((e) => e.actorId)).toEqual([admin.id, admin.id]);
  });
});
