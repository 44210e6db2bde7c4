// The panel's recommendations on real PostgreSQL: recorded by the administrator after the meeting
// (numbered within it, the response due two calendar months on), the executive's response and its
// course recorded by the director under compare-and-set, and each one frozen into later packs while
// open, then once more as closed.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { recordRecommendation, type RecordRecommendationInput } from "@/lib/recommendations/record-recommendation";
import { RECOMMENDATION_CONFLICT, transitionRecommendation } from "@/lib/recommendations/transition-recommendation";
import { snapshotRecommendations } from "@/lib/recommendations/snapshot-recommendations";
import { buildSnapshot } from "@/lib/pack/snapshot/build-snapshot";
import { SNAPSHOT_SCHEMA } from "@/lib/pack/snapshot/snapshot-types";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

/** A month whose panel met on `day` (default the 22nd of the month), with the day after the meeting. */
async function meeting(day?: (month: string) => string) {
  const month = uniqueMonth();
  const date = day ? day(month) : `${month}-22`;
  const period = await db.period.create({
    data: { month, panelMeetingDate: new Date(`${date}T00:00:00Z`), status: "PUBLISHED" },
  });
  const after = new Date(`${date}T12:00:00Z`);
  after.setUTCDate(after.getUTCDate() + 1);
  return { month, date, period, after };
}

async function people() {
  return {
    admin: (await createTestUser("ADMIN")).sessionUser,
    director: (await createTestUser("DIRECTOR")).sessionUser,
    lead: (await createTestUser("SERVICE_LEAD")).sessionUser,
    member: (await createTestUser("PANEL_MEMBER")).sessionUser,
  };
}

const input = (month: string, over: Partial<RecordRecommendationInput> = {}): RecordRecommendationInput => ({
  month,
  text: unique("The executive should review the front door's staffing"),
  addressedTo: "Cabinet Member for Children's Services",
  indicatorCodes: [],
  sectionSlugs: [],
  ...over,
});

const ACTION = { description: "Recruit two social workers", ownerName: "Head of the front door", dueDate: "2100-03-31" };

/** A recommendation recorded at a meeting just past, awaiting its response. */
async function recorded(text?: string) {
  const p = await people();
  const m = await meeting();
  const r = await recordRecommendation(p.admin, input(m.month, text ? { text } : {}), m.after);
  return { ...p, ...m, id: r.id };
}

const auditOf = async (id: string) =>
  (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => a.action);

describe("recordRecommendation", () => {
  it("is the administrator's alone", async () => {
    const p = await people();
    const m = await meeting();
    for (const user of [p.director, p.lead, p.member]) {
      await expect(recordRecommendation(user, input(m.month), m.after), user.role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(recordRecommendation(null, input(m.month), m.after)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.recommendation.count({ where: { periodId: m.period.id } })).toBe(0);
  });

  it("refuses a meeting that has not happened yet, and a month with no meeting, on the month field", async () => {
    const { admin } = await people();
    const m = await meeting();
    const dayBefore = new Date(`${m.date}T12:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await expect(recordRecommendation(admin, input(m.month), dayBefore)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { month: stringMatching(/has not happened yet/) },
    });
    await expect(recordRecommendation(admin, input(uniqueMonth()), m.after)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { month: "Choose the meeting the panel made the recommendation at" },
    });
    // On the meeting's own day it is taken.
    await expect(recordRecommendation(admin, input(m.month), new Date(`${m.date}T18:00:00Z`))).resolves.toMatchObject({ number: 1 });
  });

  it("refuses an empty recommendation, an empty addressee, and an unknown indicator or section", async () => {
    const { admin } = await people();
    const m = await meeting();
    await expect(
      recordRecommendation(
        admin,
        input(m.month, { text: " \n ", addressedTo: "", indicatorCodes: ["NOPE"], sectionSlugs: ["nope"] }),
        m.after,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        text: "Enter the recommendation",
        addressedTo: stringMatching(/^Enter who the recommendation is addressed to/),
        indicators: "There is no indicator NOPE",
        sections: "There is no section nope",
      },
    });
    expect(await db.recommendation.count({ where: { periodId: m.period.id } })).toBe(0);
  });

  it("numbers recommendations 1, 2 within a meeting, from 1 again at the next, with an audit event", async () => {
    const { admin } = await people();
    const first = await meeting();
    const second = await meeting();
    const section = await createSection();
    const a = await recordRecommendation(admin, input(first.month, { sectionSlugs: [section.slug] }), first.after);
    const b = await recordRecommendation(admin, input(first.month), first.after);
    const c = await recordRecommendation(admin, input(second.month), second.after);
    expect([a, b, c]).toEqual([
      { id: a.id, number: 1, meeting: first.date },
      { id: b.id, number: 2, meeting: first.date },
      { id: c.id, number: 1, meeting: second.date },
    ]);
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: a.id }, include: { sections: true } });
    expect(row).toMatchObject({ status: "AWAITING_RESPONSE", version: 1, createdById: admin.id, createdByName: admin.name });
    expect(row.sections.map((s) => s.sectionId)).toEqual([section.id]);
    expect(await auditOf(a.id)).toEqual(["recommendation.recorded"]);
  });

  it("makes the response due two calendar months after the meeting (the month's last day when it has no such day)", async () => {
    const { admin } = await people();
    const m = await meeting();
    const r = await recordRecommendation(admin, input(m.month), m.after);
    const [y, mo] = m.month.split("-").map(Number);
    const due = new Date(Date.UTC(y, mo - 1 + 2, 22)).toISOString().slice(0, 10);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: r.id } })).responseDue.toISOString().slice(0, 10)).toBe(due);

    const endOfYear = await meeting((month) => `${month.slice(0, 4)}-12-31`);
    const late = await recordRecommendation(admin, input(endOfYear.month), endOfYear.after);
    const next = Number(endOfYear.month.slice(0, 4)) + 1;
    const leap = (next % 4 === 0 && next % 100 !== 0) || next % 400 === 0;
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: late.id } })).responseDue.toISOString().slice(0, 10)).toBe(
      `${next}-02-${leap ? 29 : 28}`,
    );
  });
});

describe("transitionRecommendation", () => {
  it("refuses a response before the recommendation exists", async () => {
    const { director } = await people();
    await expect(
      transitionRecommendation(director, {
        id: "00000000-0000-4000-8000-000000000000",
        action: "respond",
        expectedVersion: 1,
        decision: "NOT_ACCEPTED",
        text: "No budget",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: stringMatching(/may not have been recorded yet/) });
  });

  it("is the director's alone", async () => {
    const c = await recorded();
    for (const user of [c.admin, c.lead, c.member]) {
      await expect(
        transitionRecommendation(user, { id: c.id, action: "respond", expectedVersion: 1, decision: "NOT_ACCEPTED", text: "No" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses an acceptance without actions, and an action without a real date, naming the fields", async () => {
    const c = await recorded();
    const respond = (over: object) =>
      transitionRecommendation(c.director, {
        id: c.id,
        action: "respond",
        expectedVersion: 1,
        decision: "ACCEPTED",
        text: "Agreed",
        ...over,
      });
    await expect(respond({ actions: [] })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { actions: stringMatching(/^Add at least one action/) },
    });
    await expect(respond({ decision: "PARTLY_ACCEPTED" })).rejects.toMatchObject({
      fieldErrors: { actions: stringMatching(/^Add at least one/) },
    });
    await expect(respond({ actions: [{ ...ACTION, dueDate: "2100-02-30" }] })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "action-1-due": "Action 1's date must be a real date, such as 31 10 2019" },
    });
    await expect(respond({ decision: undefined, actions: [ACTION] })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { decision: "Choose whether the recommendation was accepted" },
    });
    await expect(respond({ text: " ", actions: [ACTION] })).rejects.toMatchObject({
      fieldErrors: { text: "Enter the executive's reasons" },
    });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "AWAITING_RESPONSE", version: 1 });
    expect(await db.recommendationAction.count({ where: { recommendationId: c.id } })).toBe(0);
  });

  it("records an acceptance with its action, then updates, and marks it implemented; refuses a second response and a stale version", async () => {
    const c = await recorded();
    const at = new Date("2100-03-01T10:00:00Z");
    const r = await transitionRecommendation(
      c.director,
      { id: c.id, action: "respond", expectedVersion: 1, decision: "ACCEPTED", text: "Agreed in full.", actions: [ACTION] },
      at,
    );
    expect(r).toEqual({ id: c.id, status: "ACCEPTED", version: 2 });
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: c.id }, include: { actions: true } });
    expect(row).toMatchObject({ responseReasons: "Agreed in full.", respondedAt: at, respondedByName: c.director.name, closedAt: null });
    expect(row.actions.map((a) => [a.description, a.ownerName, a.dueDate.toISOString().slice(0, 10)])).toEqual([
      [ACTION.description, ACTION.ownerName, ACTION.dueDate],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: "recommendation.respond" } });
    expect(audit).toMatchObject({ entityType: "Recommendation", periodMonth: c.month, actorName: c.director.name });
    expect(audit.after).toMatchObject({ status: "ACCEPTED", version: 2, actions: [ACTION] });

    await expect(
      transitionRecommendation(c.director, { id: c.id, action: "respond", expectedVersion: 2, decision: "NOT_ACCEPTED", text: "No" }),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION", message: stringMatching(/already has its response/) });

    const before = await db.recommendation.findUniqueOrThrow({ where: { id: c.id } });
    await expect(
      transitionRecommendation(c.director, { id: c.id, action: "update", expectedVersion: 1, text: "Stale progress" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: RECOMMENDATION_CONFLICT });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
    expect(await db.recommendationUpdate.count({ where: { recommendationId: c.id } })).toBe(0);

    expect(
      await transitionRecommendation(c.director, { id: c.id, action: "update", expectedVersion: 2, text: "One post filled." }),
    ).toMatchObject({ status: "ACCEPTED", version: 3 });
    expect(await db.recommendationUpdate.findMany({ where: { recommendationId: c.id } })).toMatchObject([
      { body: "One post filled.", authorName: c.director.name },
    ]);
    const done = new Date("2100-06-01T10:00:00Z");
    expect(
      await transitionRecommendation(c.director, { id: c.id, action: "implement", expectedVersion: 3, text: "Both posts filled." }, done),
    ).toMatchObject({ status: "IMPLEMENTED", version: 4 });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "IMPLEMENTED",
      closedAt: done,
      closedReason: "Both posts filled.",
    });
    expect(await auditOf(c.id)).toEqual([
      "recommendation.recorded",
      "recommendation.respond",
      "recommendation.update",
      "recommendation.implement",
    ]);
  });
});

describe("recommendations in later packs", () => {
  it("shows an open one with its status and actions; one closed before the last pack never, one closed since once, as closed", async () => {
    const { admin, director } = await people();
    const m = await meeting();
    const texts = { open: unique("Open"), before: unique("Closed before"), since: unique("Closed since") };
    const ids: Record<keyof typeof texts, string> = { open: "", before: "", since: "" };
    for (const k of ["open", "before", "since"] as const)
      ids[k] = (await recordRecommendation(admin, input(m.month, { text: texts[k] }), m.after)).id;
    // Days after the meeting (when the rows were recorded), in order: closed before, the last pack's
    // sign-off, closed since, this pack's sign-off, the next one's.
    const t = (days: number) => new Date(m.after.getTime() + days * 86_400_000);
    const [closedBefore, lastSignOff, closedSince, signOff, nextSignOff] = [t(1), t(2), t(3), t(4), t(5)];
    await transitionRecommendation(
      director,
      { id: ids.open, action: "respond", expectedVersion: 1, decision: "PARTLY_ACCEPTED", text: "In part.", actions: [ACTION] },
      closedBefore,
    );
    await transitionRecommendation(director, { id: ids.before, action: "close", expectedVersion: 1, text: "Overtaken" }, closedBefore);
    await transitionRecommendation(director, { id: ids.since, action: "close", expectedVersion: 1, text: "Withdrawn" }, closedSince);

    // The last pack: the month after the meeting, signed off between the two closures.
    const last = await createPeriod({ month: addMonths(m.month, 1), status: "PUBLISHED" });
    await db.packVersion.create({
      data: {
        periodId: last.id,
        version: 1,
        snapshot: {},
        contentHash: "x",
        signedOffByName: "D",
        signedOffByRole: "DIRECTOR",
        signedOffAt: lastSignOff,
      },
    });
    const month = addMonths(m.month, 2);
    const period = await createPeriod({ month });
    const snapshot = await db.$transaction((tx) =>
      buildSnapshot(tx, { period, version: 1, signer: { name: "D", role: "DIRECTOR" }, signedAt: signOff, amendmentReason: null }),
    );
    expect(snapshot.schema).toBe(SNAPSHOT_SCHEMA);
    const mine = (snapshot.recommendations ?? []).filter((r) => Object.values(texts).includes(r.text));
    expect(mine.map((r) => [r.text, r.status])).toEqual([
      [texts.open, "PARTLY_ACCEPTED"],
      [texts.since, "CLOSED"],
    ]);
    const [open, since] = mine;
    expect(open).toMatchObject({
      number: 1,
      meetingDate: m.date,
      addressedTo: "Cabinet Member for Children's Services",
      response: { reasons: "In part.", at: closedBefore.toISOString(), byName: director.name },
      actions: [ACTION],
      closed: null,
    });
    expect(since).toMatchObject({ number: 3, closed: { at: closedSince.toISOString(), reason: "Withdrawn" }, response: null });

    // Once this pack is signed off, the next shows the open one again, and the closed one no more.
    await db.packVersion.create({
      data: {
        periodId: period.id,
        version: 1,
        snapshot: {},
        contentHash: "y",
        signedOffByName: "D",
        signedOffByRole: "DIRECTOR",
        signedOffAt: signOff,
      },
    });
    const next = await snapshotRecommendations(db, addMonths(month, 1), nextSignOff);
    expect(next.filter((r) => Object.values(texts).includes(r.text)).map((r) => r.text)).toEqual([texts.open]);
  });
});
