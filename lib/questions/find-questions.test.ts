// What the question pages read, on real PostgreSQL: a member sees their own questions in any state
// and others' only once answered; staff see every question with the step each user may take; one
// question carries its review history and the steps open to this user.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appConfig } from "@/lib/config/app";
import { questionDeadline } from "@/lib/deadlines/panel-deadlines";
import { askQuestion } from "@/lib/questions/ask-question";
import { transitionQuestion } from "@/lib/questions/transition-question";
import { findMemberQuestions, findPeriodQuestions, findQuestion } from "@/lib/questions/find-questions";
import { findPeriodOverview } from "@/lib/periods/find-period-overview";
import { createPack } from "@/test/pack-fixtures-db";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

async function council() {
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const otherLead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const member = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const otherMember = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const section = await createSection([lead.id]);
  const code = unique("FQ").toUpperCase().replace(/-/g, "_");
  await db.indicator.create({
    data: {
      code,
      name: "Contacts",
      sectionId: section.id,
      definition: "d",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      order: 1,
    },
  });
  const month = uniqueMonth();
  await createPack(month, [{ published: true }]);
  return { lead, otherLead, director, member, otherMember, section, code, month };
}

describe("findMemberQuestions", () => {
  it("shows a member their own questions in any state and others' only once approved, with the about choices", async () => {
    const c = await council();
    const mine = await askQuestion(c.member, { month: c.month, about: { kind: "indicator", code: c.code }, body: "Mine, unanswered" });
    const theirs = await askQuestion(c.otherMember, {
      month: c.month,
      about: { kind: "section", slug: c.section.slug },
      body: "Theirs, waiting",
    });
    const answered = await askQuestion(c.otherMember, { month: c.month, about: { kind: "pack" }, body: "Theirs, answered" });
    await transitionQuestion(c.director, { id: answered.id, action: "answer", expectedVersion: 1, answer: "Because." });

    const q = await findMemberQuestions(c.member, c.month);
    expect(q.open).toBe(true);
    expect(q.closedReason).toBeNull();
    // createPeriod's meeting: every test month's panel meets on 1 January 2100.
    expect(q.deadline).toBe(questionDeadline("2100-01-01", appConfig.questionClearDays));
    expect(q.mine.map((m) => [m.id, m.status, m.answer, m.about.kind])).toEqual([[mine.id, "ASKED", null, "indicator"]]);
    expect(q.answered.map((a) => [a.id, a.answer, a.about.kind])).toEqual([[answered.id, "Because.", "pack"]]);
    expect(JSON.stringify(q)).not.toContain(theirs.id);
    const section = q.choices.find((s) => s.slug === c.section.slug);
    expect(section?.indicators).toEqual([{ code: c.code, name: "Contacts" }]);
  });

  it("is not found for a month with no published pack", async () => {
    const c = await council();
    const open = await createPeriod();
    await expect(findMemberQuestions(c.member, open.month)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findMemberQuestions(null, c.month)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("findPeriodQuestions and findQuestion", () => {
  it("offer each user the step they may take: the owning lead answers, the director reviews, others view", async () => {
    const c = await council();
    const asked = await askQuestion(c.member, { month: c.month, about: { kind: "section", slug: c.section.slug }, body: "Why?" });
    const next = async (u: typeof c.lead) => (await findPeriodQuestions(u, c.month)).questions.find((q) => q.id === asked.id)?.next;
    expect(await next(c.lead)).toBe("Answer");
    expect(await next(c.otherLead)).toBe("View");
    expect(await next(c.director)).toBe("View");
    await expect(findPeriodQuestions(c.member, c.month)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await transitionQuestion(c.lead, { id: asked.id, action: "submit", expectedVersion: 1, answer: "Because." });
    expect(await next(c.director)).toBe("Review");
    await transitionQuestion(c.director, { id: asked.id, action: "return", expectedVersion: 2, comment: "Say more." });

    const q = await findQuestion(c.lead, asked.id);
    expect(q).toMatchObject({ status: "RETURNED", version: 3, answer: "Because.", about: { kind: "section", slug: c.section.slug } });
    expect(q.reviews.map((r) => [r.action, r.body])).toEqual([
      ["SUBMIT", ""],
      ["RETURN", "Say more."],
    ]);
    expect(q.lastReturn?.body).toBe("Say more.");
    expect(q.may).toEqual({ save: true, submit: true, approve: false, return: false, answer: false });
    expect((await findQuestion(c.director, asked.id)).may).toEqual({
      save: false,
      submit: false,
      approve: false,
      return: false,
      answer: false,
    });
    await expect(findQuestion(c.lead, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the period page's question counts", () => {
  it("are the questions page's, for each user, read in the overview's one statement", async () => {
    const c = await council();
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const forLead = await askQuestion(c.member, { month: c.month, about: { kind: "section", slug: c.section.slug }, body: "Lead's?" });
    const packWide = await askQuestion(c.member, { month: c.month, about: { kind: "pack" }, body: "Director's?" });
    const approved = await askQuestion(c.otherMember, { month: c.month, about: { kind: "indicator", code: c.code }, body: "Done?" });
    await transitionQuestion(c.lead, { id: approved.id, action: "submit", expectedVersion: 1, answer: "Yes." });
    await transitionQuestion(c.director, { id: approved.id, action: "approve", expectedVersion: 2 });
    expect((await findQuestion(c.director, approved.id)).status).toBe("APPROVED");
    expect([forLead.id, packWide.id]).toHaveLength(2);

    const counts = async (u: typeof c.lead) => {
      const page = await findPeriodQuestions(u, c.month);
      const overview = await findPeriodOverview(u, c.month);
      expect(overview?.questions).toEqual({ asked: page.asked, waiting: page.waiting, forYou: page.forYou });
      return overview?.questions;
    };
    expect(await counts(c.lead)).toEqual({ asked: 3, waiting: 2, forYou: 1 });
    expect(await counts(c.otherLead)).toEqual({ asked: 3, waiting: 2, forYou: 0 });
    expect(await counts(c.director)).toEqual({ asked: 3, waiting: 2, forYou: 1 });
    expect(await counts(admin)).toEqual({ asked: 3, waiting: 2, forYou: 0 });
  });
});
