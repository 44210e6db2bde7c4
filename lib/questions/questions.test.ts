// The panel's questions on real PostgreSQL: asked about a published pack before its deadline (and
// refused otherwise, field by field), answered by the section's lead, returned and approved by the
// director, audited; and the approved answer joins the pack's addendum, which changes the stored page
// and the PDF but never the signed-off snapshot or its hash.
import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { appConfig } from "@/lib/config/app";
import { formatDate } from "@/lib/format/dates";
import { questionDeadline } from "@/lib/deadlines/panel-deadlines";
import { askQuestion } from "@/lib/questions/ask-question";
import { QUESTION_CONFLICT, transitionQuestion } from "@/lib/questions/transition-question";
import { loadMonthState } from "@/lib/pack/delivery/find-pack";
import { findFrozenPack } from "@/lib/pack/delivery/export-pack";
import { pageKeyOf, publishedPageMeta, storePackPages } from "@/lib/pack/delivery/stored-pack-pages";
import { getPackPdf, isPdfStale, type PdfRenderer } from "@/lib/pack/delivery/pdf-pack";
import { createPack } from "@/test/pack-fixtures-db";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

// createPeriod's meeting: every test month's panel meets on 1 January 2100.
const MEETING = "2100-01-01";

/** A published pack, a section with its lead (and one indicator), another lead, a director and a member. */
async function council() {
  const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const otherLead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const director = (await createTestUser("DIRECTOR")).sessionUser;
  const member = (await createTestUser("PANEL_MEMBER")).sessionUser;
  const admin = (await createTestUser("ADMIN")).sessionUser;
  const section = await createSection([lead.id]);
  const code = unique("CNT").toUpperCase().replace(/-/g, "_");
  const indicator = await db.indicator.create({
    data: {
      code,
      name: "Contacts received",
      sectionId: section.id,
      definition: "d",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: 1,
    },
  });
  const month = uniqueMonth();
  const { period, ids } = await createPack(month, [{ published: true }]);
  return { lead, otherLead, director, member, admin, section, indicator, month, period, versionId: ids[0] };
}

type Council = Awaited<ReturnType<typeof council>>;

const askAboutSection = (c: Council, body = "Why did contacts fall in August?") =>
  askQuestion(c.member, { month: c.month, about: { kind: "section", slug: c.section.slug }, body });

const stored = (id: string) =>
  db.panelQuestion.findUniqueOrThrow({ where: { id }, include: { reviews: { orderBy: { createdAt: "asc" } } } });

const auditOf = async (id: string) =>
  (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => a.action);

describe("askQuestion", () => {
  it("is refused for anyone but a panel member", async () => {
    const c = await council();
    for (const user of [c.lead, c.director, c.admin, null]) {
      await expect(
        askQuestion(user, { month: c.month, about: { kind: "pack" }, body: "Why?" }),
        user?.role ?? "signed out",
      ).rejects.toMatchObject({ code: user ? "FORBIDDEN" : "UNAUTHENTICATED" });
    }
    expect(await db.panelQuestion.count({ where: { periodId: c.period.id } })).toBe(0);
  });

  it("is refused for a month with no published pack: none at all, only signed off, or no such month", async () => {
    const c = await council();
    const open = await createPeriod();
    const signedOnly = uniqueMonth();
    await createPack(signedOnly, [{ published: false }]);
    for (const month of [open.month, signedOnly, "2019-13", "not-a-month"]) {
      await expect(askQuestion(c.member, { month, about: { kind: "pack" }, body: "Why?" }), month).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "There is no published pack for that month",
      });
    }
  });

  it("refuses an empty question and one over 2,000 characters, naming the field", async () => {
    const c = await council();
    for (const body of ["", "  \n\t "]) {
      await expect(askAboutSection(c, body)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { body: "Enter your question" },
      });
    }
    await expect(askAboutSection(c, "x".repeat(2_001))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { body: "Your question must be 2,000 characters or fewer (it has 2,001)" },
    });
    // Exactly 2,000 is allowed.
    await expect(askAboutSection(c, "x".repeat(2_000))).resolves.toMatchObject({ month: c.month });
    expect(await db.panelQuestion.count({ where: { periodId: c.period.id } })).toBe(1);
  });

  it("refuses a question after the deadline, naming the day questions closed", async () => {
    const c = await council();
    const deadline = questionDeadline(MEETING, appConfig.questionClearDays);
    const closing = formatDate(deadline);
    const dayAfter = new Date(`${deadline}T12:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const error = await askQuestion(c.member, { month: c.month, about: { kind: "pack" }, body: "Why?" }, dayAfter).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_TRANSITION", message: stringContaining(`closed at the end of ${closing}`) });
    expect(error).toMatchObject({ message: stringContaining(formatDate(MEETING)) });
    // On the deadline's own day (in England) a question is still taken.
    await expect(
      askQuestion(c.member, { month: c.month, about: { kind: "pack" }, body: "Why?" }, new Date(`${deadline}T20:00:00Z`)),
    ).resolves.toMatchObject({ month: c.month });
    expect(await db.panelQuestion.count({ where: { periodId: c.period.id } })).toBe(1);
  });

  it("refuses a question about an indicator or section that does not exist", async () => {
    const c = await council();
    await expect(
      askQuestion(c.member, { month: c.month, about: { kind: "indicator", code: "NO_SUCH_INDICATOR" }, body: "Why?" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { about: "Choose an indicator in this pack" } });
    await expect(
      askQuestion(c.member, { month: c.month, about: { kind: "section", slug: "no-such-section" }, body: "Why?" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { about: "Choose a section of this pack" } });
    expect(await db.panelQuestion.count({ where: { periodId: c.period.id } })).toBe(0);
  });

  it("records a question asked before the deadline, with the member's name and an audit event", async () => {
    const c = await council();
    const before = new Date(`${MEETING}T00:00:00Z`);
    before.setUTCMonth(before.getUTCMonth() - 1);
    const asked = await askQuestion(
      c.member,
      { month: c.month, about: { kind: "indicator", code: c.indicator.code }, body: "  Why did contacts fall?\r\n" },
      before,
    );
    expect(asked).toMatchObject({ month: c.month, about: "Contacts received" });
    const q = await stored(asked.id);
    expect(q).toMatchObject({
      periodId: c.period.id,
      sectionId: c.section.id,
      indicatorId: c.indicator.id,
      body: "Why did contacts fall?",
      askedById: c.member.id,
      askedByName: c.member.name,
      status: "ASKED",
      version: 1,
      answer: "",
    });
    expect(q.askedAt.toISOString()).toBe(before.toISOString());
    const audit = await db.auditEvent.findMany({ where: { entityId: asked.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "question.asked", entityType: "PanelQuestion", periodMonth: c.month });
    expect(audit[0].after).toMatchObject({ about: `indicator:${c.indicator.code}`, status: "ASKED" });
  });
});

describe("transitionQuestion", () => {
  it("refuses a lead who does not own the question's section: an answer to a question that is not yours", async () => {
    const c = await council();
    const { id } = await askAboutSection(c);
    for (const action of ["save", "submit"] as const) {
      await expect(transitionQuestion(c.otherLead, { id, action, expectedVersion: 1, answer: "Mine" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: `Only the leads of ${c.section.name} can answer this question`,
      });
    }
    // Nor may the director write a section's answer, nor a member or an administrator touch one.
    await expect(transitionQuestion(c.director, { id, action: "answer", expectedVersion: 1, answer: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    for (const user of [c.member, c.admin])
      await expect(transitionQuestion(user, { id, action: "save", expectedVersion: 1, answer: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    expect(await stored(id)).toMatchObject({ status: "ASKED", version: 1, answer: "" });
    expect(await auditOf(id)).toEqual(["question.asked"]);
  });

  it("walks save, submit, return (with a comment), resubmit and approve, with review rows and audit events", async () => {
    const c = await council();
    const { id } = await askAboutSection(c);
    let r = await transitionQuestion(c.lead, { id, action: "save", expectedVersion: 1, answer: "Contacts fall every August." });
    expect(r).toMatchObject({ status: "DRAFT", version: 2, month: c.month });
    r = await transitionQuestion(c.lead, { id, action: "submit", expectedVersion: 2, answer: "Contacts fall every August." });
    expect(r).toMatchObject({ status: "SUBMITTED", version: 3 });
    expect((await stored(id)).submittedAt).not.toBeNull();
    // Approving is the director's, and returning needs a comment.
    await expect(transitionQuestion(c.lead, { id, action: "approve", expectedVersion: 3 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(transitionQuestion(c.director, { id, action: "return", expectedVersion: 3, comment: "  " })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { comment: "Say what needs to change before you return the answer" },
    });
    r = await transitionQuestion(c.director, { id, action: "return", expectedVersion: 3, comment: "Say by how much." });
    expect(r).toMatchObject({ status: "RETURNED", version: 4 });
    r = await transitionQuestion(c.lead, { id, action: "submit", expectedVersion: 4, answer: "Contacts fall by a fifth every August." });
    expect(r).toMatchObject({ status: "SUBMITTED", version: 5 });
    r = await transitionQuestion(c.director, { id, action: "approve", expectedVersion: 5 });
    expect(r).toMatchObject({ status: "APPROVED", version: 6 });

    const q = await stored(id);
    expect(q).toMatchObject({
      status: "APPROVED",
      answer: "Contacts fall by a fifth every August.",
      answeredById: c.lead.id,
      approvedByName: c.director.name,
    });
    expect(q.approvedAt).not.toBeNull();
    expect(q.reviews.map((x) => [x.action, x.body, x.authorRole])).toEqual([
      ["SUBMIT", "", "SERVICE_LEAD"],
      ["RETURN", "Say by how much.", "DIRECTOR"],
      ["SUBMIT", "", "SERVICE_LEAD"],
      ["APPROVE", "", "DIRECTOR"],
    ]);
    expect(await auditOf(id)).toEqual([
      "question.asked",
      "question.save",
      "question.submit",
      "question.return",
      "question.submit",
      "question.approve",
    ]);
    // Approved is the end.
    await expect(transitionQuestion(c.lead, { id, action: "save", expectedVersion: 6, answer: "More" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const c = await council();
    const { id } = await askAboutSection(c);
    await transitionQuestion(c.lead, { id, action: "save", expectedVersion: 1, answer: "First" });
    const before = { q: await stored(id), audit: await auditOf(id) };
    await expect(transitionQuestion(c.lead, { id, action: "submit", expectedVersion: 1, answer: "Second" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: QUESTION_CONFLICT,
    });
    expect({ q: await stored(id), audit: await auditOf(id) }).toEqual(before);
    expect(before.q).toMatchObject({ status: "DRAFT", version: 2, answer: "First" });
  });

  it("refuses an empty submission, and says there is no such question for an unknown id", async () => {
    const c = await council();
    const { id } = await askAboutSection(c);
    await expect(transitionQuestion(c.lead, { id, action: "submit", expectedVersion: 1, answer: " " })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { answer: "Enter the answer" },
    });
    await expect(
      transitionQuestion(c.lead, { id: "00000000-0000-4000-8000-000000000000", action: "save", expectedVersion: 1, answer: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only the director answer a question about the whole pack, approved as it is given", async () => {
    const c = await council();
    const { id } = await askQuestion(c.member, { month: c.month, about: { kind: "pack" }, body: "Is the pack on time?" });
    for (const lead of [c.lead, c.otherLead]) {
      await expect(transitionQuestion(lead, { id, action: "save", expectedVersion: 1, answer: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only the director answers questions about the whole pack",
      });
    }
    const r = await transitionQuestion(c.director, { id, action: "answer", expectedVersion: 1, answer: "Yes, it is." });
    expect(r).toMatchObject({ status: "APPROVED", version: 2 });
    const q = await stored(id);
    expect(q).toMatchObject({ answer: "Yes, it is.", answeredById: c.director.id, approvedByName: c.director.name });
    expect(q.reviews.map((x) => x.action)).toEqual(["APPROVE"]);
    expect(await auditOf(id)).toEqual(["question.asked", "question.answer"]);
  });
});

describe("an approved answer joins the pack's addendum", () => {
  it("leaves the signed-off snapshot and its hash untouched, renders the stored page again, and makes the PDF stale", async () => {
    const c = await council();
    const { id } = await askAboutSection(c);
    await transitionQuestion(c.lead, { id, action: "submit", expectedVersion: 1, answer: "Contacts fall every August." });

    const frozen = () =>
      db.$queryRaw<{ snapshot: string; contentHash: string }[]>`
        select snapshot::text as snapshot, "contentHash" from "PackVersion" where id = ${c.versionId}::uuid`;
    const keyNow = async () => {
      const state = (await loadMonthState(c.month))!;
      return pageKeyOf(publishedPageMeta(state, state.packVersions[0]), "PANEL_MEMBER");
    };
    const storedPage = () =>
      db.storedPackPage.findUniqueOrThrow({
        where: { packVersionId_audience: { packVersionId: c.versionId, audience: "PANEL_MEMBER" } },
      });

    await storePackPages([c.month]);
    const renders: number[] = [];
    const chromium: PdfRenderer = (html) => {
      renders.push(renders.length + 1);
      return Promise.resolve(new TextEncoder().encode(`%PDF-1.4 fake #${renders.length} ${html.length}`));
    };
    expect(await getPackPdf(c.member, { month: c.month }, chromium)).toMatchObject({ kind: "pdf", fromCache: false });
    const before = { frozen: await frozen(), key: await keyNow(), page: await storedPage() };
    expect(before.page.pageKey).toBe(before.key);
    const pdfBefore = await db.packPdf.findUniqueOrThrow({ where: { packVersionId: c.versionId } });
    expect(isPdfStale(pdfBefore, await findFrozenPack(c.member, c.month, undefined))).toBe(false);
    // A submitted answer is not yet part of the pack: the page and the PDF stand.
    expect(await getPackPdf(c.member, { month: c.month }, chromium)).toMatchObject({ kind: "pdf", fromCache: true });

    await transitionQuestion(c.director, { id, action: "approve", expectedVersion: 2 });

    // The signed-off pack, byte for byte, as it was.
    expect(await frozen()).toEqual(before.frozen);
    // What the page shows changed, so its key did, and the page was rendered again at approval.
    const after = { key: await keyNow(), page: await storedPage() };
    expect(after.key).not.toBe(before.key);
    expect(after.page.pageKey).toBe(after.key);
    expect(after.page.sha256).not.toBe(before.page.sha256);
    expect(gunzipSync(after.page.gzip).toString("utf8")).toContain("Contacts fall every August.");
    expect(gunzipSync(before.page.gzip).toString("utf8")).not.toContain("Contacts fall every August.");
    const view = await findFrozenPack(c.member, c.month, undefined);
    expect(view.questions?.answered.map((q) => q.answer)).toEqual(["Contacts fall every August."]);
    expect(view.contentHash).toBe(before.frozen[0].contentHash);
    // A PDF made before the approval no longer shows what the page shows: it is made again.
    expect(isPdfStale(pdfBefore, view)).toBe(true);
    expect(await getPackPdf(c.member, { month: c.month }, chromium)).toMatchObject({ kind: "pdf", fromCache: false });
    expect(renders).toHaveLength(2);
    const pdfAfter = await db.packPdf.findUniqueOrThrow({ where: { packVersionId: c.versionId } });
    expect(isPdfStale(pdfAfter, view)).toBe(false);
  });
});
