// The month's first commentary submission is stamped once (the period page shows its date, and from
// then on changed figures are marked "Revised"): a return and a resubmission, in this section or
// another, must not move it. (Only "was it stamped" had a test: found by npm run test:mutation.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { createPeriod, createSection, createTestUser } from "@/test/factories";

describe("the first submission of a month's commentary", () => {
  it("keeps its date through a return and a resubmission, and another section's submission", async () => {
    const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const [first, second] = [await createSection([lead.id]), await createSection([lead.id])];
    const period = await createPeriod();
    const at = (slug: string) => ({ month: period.month, slug });
    const stamp = async () => (await db.period.findUniqueOrThrow({ where: { id: period.id } })).commentaryFirstSubmittedAt;

    expect(await stamp()).toBeNull();
    await transitionCommentary(lead, { ...at(first.slug), action: "submit", expectedVersion: 0, body: "Contacts fell." });
    const stamped = await stamp();
    expect(stamped).not.toBeNull();
    const firstOnCommentary = (await db.commentary.findFirstOrThrow({ where: { sectionId: first.id, periodId: period.id } }))
      .firstSubmittedAt;

    await new Promise((r) => setTimeout(r, 20));
    await transitionCommentary(director, { ...at(first.slug), action: "return", expectedVersion: 1, comment: "Say why." });
    await transitionCommentary(lead, { ...at(first.slug), action: "submit", expectedVersion: 2, body: "Contacts fell, as every summer." });
    await transitionCommentary(lead, { ...at(second.slug), action: "submit", expectedVersion: 0, body: "Referrals rose." });

    expect(await stamp()).toEqual(stamped);
    const resubmitted = await db.commentary.findFirstOrThrow({ where: { sectionId: first.id, periodId: period.id } });
    expect(resubmitted.firstSubmittedAt).toEqual(firstOnCommentary);
    expect(resubmitted.submittedAt!.getTime()).toBeGreaterThan(firstOnCommentary!.getTime());
  });
});
