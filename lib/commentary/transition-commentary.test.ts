import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";
import type { AppError } from "@/lib/errors";
import { createPeriod, createSection, createTestUser } from "@/test/factories";
import { holdRowLock } from "@/test/row-lock";

async function setup() {
  const lead = await createTestUser("SERVICE_LEAD");
  const otherLead = await createTestUser("SERVICE_LEAD");
  const director = await createTestUser("DIRECTOR");
  const panel = await createTestUser("PANEL_MEMBER");
  const section = await createSection([lead.id]);
  const period = await createPeriod();
  const at = { month: period.month, slug: section.slug };
  return {
    lead: lead.sessionUser,
    otherLead: otherLead.sessionUser,
    director: director.sessionUser,
    panel: panel.sessionUser,
    section,
    period,
    at,
  };
}

const stored = (sectionId: string, periodId: string) =>
  db.commentary.findUniqueOrThrow({
    where: { sectionId_periodId: { sectionId, periodId } },
    include: { revisions: { orderBy: { number: "asc" } }, reviewComments: { orderBy: { createdAt: "asc" } } },
  });

describe("transitionCommentary", () => {
  it("walks draft, submit, return, resubmit, approve with revisions, comments and audit", async () => {
    const { lead, director, section, period, at } = await setup();
    let r = await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "Contacts fell in August." });
    expect(r).toMatchObject({ status: "DRAFT", version: 1 });
    r = await transitionCommentary(lead, { ...at, action: "submit", expectedVersion: 1 });
    expect(r.status).toBe("SUBMITTED");
    expect((await db.period.findUniqueOrThrow({ where: { id: period.id } })).commentaryFirstSubmittedAt).not.toBeNull();
    r = await transitionCommentary(director, { ...at, action: "return", expectedVersion: 2, comment: "Say why contacts fell." });
    expect(r.status).toBe("RETURNED");
    r = await transitionCommentary(lead, {
      ...at,
      action: "submit",
      expectedVersion: 3,
      body: "Contacts fell in August, as every summer.",
    });
    r = await transitionCommentary(director, {
      ...at,
      action: "approve",
      expectedVersion: 4,
      body: "Contacts fell in August, as they do every summer.",
    });
    expect(r).toMatchObject({ status: "APPROVED", version: 5 });

    const c = await stored(section.id, period.id);
    expect(c.status).toBe("APPROVED");
    expect(c.body).toBe("Contacts fell in August, as they do every summer.");
    expect(c.revisions.map((v) => [v.number, v.authorRole])).toEqual([
      [1, "SERVICE_LEAD"],
      [2, "SERVICE_LEAD"],
      [3, "DIRECTOR"],
    ]);
    expect(c.reviewComments.map((x) => [x.action, x.body])).toEqual([
      ["SUBMIT", ""],
      ["RETURN", "Say why contacts fell."],
      ["SUBMIT", ""],
      ["APPROVE", ""],
    ]);
    const audit = await db.auditEvent.findMany({ where: { entityId: c.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "commentary.save",
      "commentary.submit",
      "commentary.return",
      "commentary.submit",
      "commentary.approve",
    ]);
  });

  it("refuses a lead drafting a section they do not own, and a panel member anything", async () => {
    const { otherLead, panel, at, section, period } = await setup();
    await expect(transitionCommentary(otherLead, { ...at, action: "save", expectedVersion: 0, body: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    for (const action of ["save", "submit", "approve", "return", "reopen"] as const) {
      await expect(transitionCommentary(panel, { ...at, action, expectedVersion: 0, body: "x", comment: "y" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await db.commentary.count({ where: { sectionId: section.id, periodId: period.id } })).toBe(0);
  });

  it("refuses bad input: empty submission, approving a draft, returning without a comment, over-long text", async () => {
    const { lead, director, at } = await setup();
    await expect(transitionCommentary(lead, { ...at, action: "submit", expectedVersion: 0, body: "   " })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { body: stringMatching(/Enter the commentary/) },
    });
    await expect(transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "x".repeat(20_001) })).rejects.toMatchObject(
      { fieldErrors: { body: stringMatching(/20,000 characters or fewer/) } },
    );
    await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "Draft" });
    await expect(transitionCommentary(director, { ...at, action: "approve", expectedVersion: 1 })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await transitionCommentary(lead, { ...at, action: "submit", expectedVersion: 1 });
    await expect(transitionCommentary(director, { ...at, action: "return", expectedVersion: 2, comment: " " })).rejects.toMatchObject({
      fieldErrors: { comment: stringMatching(/what needs to change/) },
    });
  });

  it("records nothing for a save that changes nothing: no text sent, or the text already stored", async () => {
    const { lead, at, section, period } = await setup();
    const audits = () => db.auditEvent.count({ where: { entityType: "Commentary", periodMonth: period.month } });
    expect(await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "  " })).toMatchObject({
      version: 0,
      unchanged: true,
    });
    expect(await db.commentary.count({ where: { sectionId: section.id, periodId: period.id } })).toBe(0);
    await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "Contacts fell." });
    const before = { commentary: await stored(section.id, period.id), audits: await audits() };
    expect(await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 1 })).toMatchObject({ version: 1, unchanged: true });
    expect(await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 1, body: "Contacts fell.\r\n" })).toMatchObject({
      version: 1,
      unchanged: true,
    });
    expect({ commentary: await stored(section.id, period.id), audits: await audits() }).toEqual(before);
    // Autosaved text not yet in the history: saving it records the revision.
    await autosaveCommentary(lead, { ...at, expectedVersion: 1, body: "Contacts fell again." });
    expect(await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 2 })).toMatchObject({ version: 3 });
    expect((await stored(section.id, period.id)).revisions.map((r) => r.body)).toEqual(["Contacts fell.", "Contacts fell again."]);
  });

  it("keeps HTML and script as text", async () => {
    const { lead, at, section, period } = await setup();
    await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "<script>alert(1)</script> **bold**" });
    expect((await stored(section.id, period.id)).body).toBe("<script>alert(1)</script> **bold**");
  });

  it("refuses a stale version and any change once the pack is signed off", async () => {
    const { lead, at, section } = await setup();
    await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "One" });
    await expect(transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "Two" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const signed = await createPeriod({ status: "SIGNED_OFF" });
    await expect(
      transitionCommentary(lead, { month: signed.month, slug: section.slug, action: "save", expectedVersion: 0, body: "x" }),
    ).rejects.toThrow(/amendment/);
  });

  it("lets the director reopen an approved section with a reason", async () => {
    const { lead, director, at, section, period } = await setup();
    await transitionCommentary(lead, { ...at, action: "submit", expectedVersion: 0, body: "Text" });
    await transitionCommentary(director, { ...at, action: "approve", expectedVersion: 1 });
    await expect(transitionCommentary(director, { ...at, action: "reopen", expectedVersion: 2, comment: "" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await transitionCommentary(director, { ...at, action: "reopen", expectedVersion: 2, comment: "New figures arrived" });
    const c = await stored(section.id, period.id);
    expect(c.status).toBe("RETURNED");
    expect(c.approvedAt).toBeNull();
    expect(c.reviewComments.at(-1)).toMatchObject({ action: "REOPEN", body: "New figures arrived" });
  });

  it("autosaves without a revision per save (one for a new writer), under the same compare-and-set", async () => {
    const { lead, at, section, period } = await setup();
    const a = await autosaveCommentary(lead, { ...at, expectedVersion: 0, body: "Typing" });
    const b = await autosaveCommentary(lead, { ...at, expectedVersion: a.version, body: "Typing more" });
    await expect(autosaveCommentary(lead, { ...at, expectedVersion: a.version, body: "stale" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const c = await stored(section.id, period.id);
    expect(c).toMatchObject({ body: "Typing more", version: b.version, status: "DRAFT" });
    // The first autosave credits its writer; later ones by the same writer only update the body.
    expect(c.revisions.map((r) => [r.number, r.body, r.authorId])).toEqual([[1, "Typing", lead.id]]);
  });

  it("two owners saving the same version at once: one wins, the other gets CONFLICT, whatever the timing", async () => {
    const { lead, section, period, at } = await setup();
    const coOwner = await createTestUser("SERVICE_LEAD");
    await db.sectionOwner.create({ data: { sectionId: section.id, userId: coOwner.id } });
    const first = await transitionCommentary(lead, { ...at, action: "save", expectedVersion: 0, body: "First draft" });
    // Both saves read version 1 and pass every check, then queue on the commentary row, held here;
    // released, they update one after the other, the second after the first has committed.
    const held = await holdRowLock(`SELECT id FROM "Commentary" WHERE id = $1::uuid FOR UPDATE`, [first.id]);
    let saves: Promise<PromiseSettledResult<Awaited<ReturnType<typeof transitionCommentary>>>[]>;
    try {
      saves = Promise.allSettled([
        transitionCommentary(lead, { ...at, action: "save", expectedVersion: 1, body: "Lead's text" }),
        transitionCommentary(coOwner.sessionUser, { ...at, action: "save", expectedVersion: 1, body: "Co-owner's text" }),
      ]);
      await held.waitForWaiters(2);
    } finally {
      await held.release();
    }
    const results = await saves;
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as AppError).code)).toEqual(["CONFLICT"]);
    const winner = results[0].status === "fulfilled" ? "Lead's text" : "Co-owner's text";
    const c = await stored(section.id, period.id);
    expect(c).toMatchObject({ body: winner, version: 2 });
    expect(c.revisions.map((r) => r.body)).toEqual(["First draft", winner]);
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: "commentary.save" } })).toBe(2);
  });

  it("20 conflicting saves and transitions at once: exactly one winner, no lost text", async () => {
    const { lead, director, at, section, period } = await setup();
    await transitionCommentary(lead, { ...at, action: "submit", expectedVersion: 0, body: "Submitted text" });
    await transitionCommentary(director, { ...at, action: "return", expectedVersion: 1, comment: "Change it" });
    // Version 2, RETURNED: ten owner saves, five submits, five director approvals (not allowed from RETURNED).
    const attempts = [
      ...Array.from(
        { length: 10 },
        (_, i) => () => transitionCommentary(lead, { ...at, action: "save", expectedVersion: 2, body: `Save ${i}` }),
      ),
      ...Array.from(
        { length: 5 },
        (_, i) => () => transitionCommentary(lead, { ...at, action: "submit", expectedVersion: 2, body: `Submit ${i}` }),
      ),
      ...Array.from({ length: 5 }, () => () => transitionCommentary(director, { ...at, action: "approve", expectedVersion: 2 })),
    ];
    const results = await Promise.allSettled(attempts.map((f) => f()));
    const winners = results.filter((r) => r.status === "fulfilled");
    expect(winners).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const l of losers) expect(["CONFLICT", "INVALID_TRANSITION"]).toContain((l.reason as AppError).code);
    const c = await stored(section.id, period.id);
    expect(c.version).toBe(3);
    const winnerBody = c.body;
    expect(winnerBody).toMatch(/^(Save|Submit) \d$/);
    expect(c.revisions.at(-1)?.body).toBe(winnerBody);
    expect(c.revisions).toHaveLength(2);
  });
});
