// A lead takes a submission back before the director acts (submitted -> draft): compare-and-set,
// a history entry and an audit event, and the directors told by email; refused once the director
// has acted, and to anyone but the section's leads. Then the director's view of a resubmission:
// the comment it was returned with and the text it was returned as.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stringMatching } from "@/test/matchers";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { loadSectionWorkspace } from "@/lib/commentary/load-section-workspace";
import { createPeriod, createSection, createTestUser } from "@/test/factories";
import { catchMailInThisFile } from "@/test/smtp-catcher";

const catcher = catchMailInThisFile();

async function setup() {
  const lead = await createTestUser("SERVICE_LEAD");
  const otherLead = await createTestUser("SERVICE_LEAD");
  const director = await createTestUser("DIRECTOR");
  const section = await createSection([lead.id]);
  const period = await createPeriod();
  return { lead, otherLead, director, section, period, at: { month: period.month, slug: section.slug } };
}

describe("withdrawing a submission", () => {
  it("moves it back to draft with a history entry and audit event, and tells the directors who were told of it", async () => {
    const { lead, director, section, period, at } = await setup();
    await transitionCommentary(lead.sessionUser, { ...at, action: "submit", expectedVersion: 0, body: "Contacts fell." });
    await expect(transitionCommentary(lead.sessionUser, { ...at, action: "withdraw", expectedVersion: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const r = await transitionCommentary(lead.sessionUser, { ...at, action: "withdraw", expectedVersion: 1 });
    expect(r).toMatchObject({ status: "DRAFT", version: 2 });
    const c = await db.commentary.findUniqueOrThrow({
      where: { sectionId_periodId: { sectionId: section.id, periodId: period.id } },
      include: { reviewComments: { orderBy: { createdAt: "asc" } }, revisions: true },
    });
    expect(c).toMatchObject({ status: "DRAFT", body: "Contacts fell." });
    expect(c.revisions).toHaveLength(1); // the text did not change
    expect(c.reviewComments.map((x) => x.action)).toEqual(["SUBMIT", "WITHDRAW"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: "commentary.withdraw" } });
    expect(audit).toMatchObject({ actorName: lead.sessionUser.name, before: { status: "SUBMITTED" }, after: { status: "DRAFT" } });
    await expect
      .poll(() => catcher.mails.filter((m) => m.to.includes(director.sessionUser.email)).map((m) => m.subject))
      .toEqual([stringMatching(/^Commentary submitted for review: /), stringMatching(/^Commentary withdrawn: /)]);
    const withdrawn = catcher.mails.find((m) => m.subject.startsWith("Commentary withdrawn") && m.to.includes(director.sessionUser.email))!;
    expect(withdrawn.text).toContain(`${lead.sessionUser.name} withdrew the commentary`);
  });

  it("is refused once the director has acted, to another section's lead and to the director", async () => {
    const { lead, otherLead, director, at } = await setup();
    await transitionCommentary(lead.sessionUser, { ...at, action: "submit", expectedVersion: 0, body: "Contacts fell." });
    await expect(transitionCommentary(otherLead.sessionUser, { ...at, action: "withdraw", expectedVersion: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(transitionCommentary(director.sessionUser, { ...at, action: "withdraw", expectedVersion: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await transitionCommentary(director.sessionUser, { ...at, action: "approve", expectedVersion: 1 });
    await expect(transitionCommentary(lead.sessionUser, { ...at, action: "withdraw", expectedVersion: 2 })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: "You cannot withdraw commentary that is approved",
    });
  });
});

describe("the director's view of a resubmission", () => {
  it("shows the return comment and the text as it was returned, beside the resubmitted text", async () => {
    const { lead, director, at } = await setup();
    await transitionCommentary(lead.sessionUser, { ...at, action: "submit", expectedVersion: 0, body: "Contacts fell in August." });
    let w = await loadSectionWorkspace(director.sessionUser, at.month, at.slug);
    expect(w.resubmission).toBeNull(); // a first submission has nothing to compare with
    await transitionCommentary(director.sessionUser, { ...at, action: "return", expectedVersion: 1, comment: "Say why." });
    w = await loadSectionWorkspace(lead.sessionUser, at.month, at.slug);
    expect(w.lastReturn).toMatchObject({ action: "RETURN", body: "Say why.", authorName: director.sessionUser.name });
    await transitionCommentary(lead.sessionUser, {
      ...at,
      action: "save",
      expectedVersion: 2,
      body: "Contacts fell in August, as every summer.",
    });
    await transitionCommentary(lead.sessionUser, { ...at, action: "submit", expectedVersion: 3 });
    w = await loadSectionWorkspace(director.sessionUser, at.month, at.slug);
    expect(w.lastReturn).toBeNull();
    expect(w.resubmission).toMatchObject({
      comment: { action: "RETURN", body: "Say why.", authorName: director.sessionUser.name },
      returnedBody: "Contacts fell in August.",
      currentBody: "Contacts fell in August, as every summer.",
    });
    // Withdrawn again, the lead still sees what the director asked for.
    await transitionCommentary(lead.sessionUser, { ...at, action: "withdraw", expectedVersion: 4 });
    w = await loadSectionWorkspace(lead.sessionUser, at.month, at.slug);
    expect(w.lastReturn).toMatchObject({ body: "Say why." });
    expect(w.may).toMatchObject({ draft: true, submit: true, withdraw: false });
  });
});
