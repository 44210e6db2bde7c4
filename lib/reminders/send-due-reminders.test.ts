// Reminder emails through a local SMTP catcher: the people who owe a step get one email three
// working days before and one on the day; running again, or twice at once, sends nothing more.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSection, createTestUser, uniqueMonth } from "@/test/factories";
import { catchMailInThisFile } from "@/test/smtp-catcher";
import { sendDueReminders } from "./send-due-reminders";
import { reminderKindFor, responseReminderKindFor } from "./reminder-plan";

const catcher = catchMailInThisFile();
// Only the test's own period: other test files leave open periods in the shared database, and
// reminding their people too made this file slow and order-dependent.
const only = (period: { id: string }) => ({ periodIds: [period.id] });

describe("reminder timing", () => {
  it.each([
    [4, null],
    [3, "SOON"],
    [1, "SOON"],
    [0, "DUE"],
    [-1, null],
  ] as const)("%s working days left: %s", (left, kind) => {
    expect(reminderKindFor({ done: false, workingDaysLeft: left })).toBe(kind);
  });
  it("none once the step is done", () => expect(reminderKindFor({ done: true, workingDaysLeft: 0 })).toBeNull());
  it.each([
    [6, null],
    [5, "SOON"],
    [1, "SOON"],
    [0, "DUE"],
    [-1, "OVERDUE"],
    [-2, null],
  ] as const)("a recommendation's response, %s working days left: %s", (left, kind) => {
    expect(responseReminderKindFor({ responded: false, workingDaysLeft: left })).toBe(kind);
  });
  it("none once the response is in", () => expect(responseReminderKindFor({ responded: true, workingDaysLeft: 0 })).toBeNull());
});

describe("sending reminders", () => {
  it("emails the section's lead once 3 working days before commentary is due, and once on the day", async () => {
    const lead = await createTestUser("SERVICE_LEAD");
    await createSection([lead.id]);
    // A meeting on Thursday 26 September 2019: commentary due Tuesday 10 September.
    const period = await db.period.create({ data: { month: uniqueMonth(), panelMeetingDate: new Date("2019-09-26"), status: "OPEN" } });
    const mine = () => catcher.mails.filter((m) => m.to.includes(lead.email));
    try {
      await sendDueReminders(new Date("2019-09-04T09:00:00Z"), only(period)); // 4 working days before: nothing yet
      expect(mine()).toHaveLength(0);
      await sendDueReminders(new Date("2019-09-05T09:00:00Z"), only(period)); // 3 working days before
      expect(mine().map((m) => m.subject)).toEqual([expect.stringMatching(/^Due soon: Commentary submitted for .* by 10 September 2019$/)]);
      expect(mine()[0].text).toContain("is due in 3 working days");
      // A restart, a second run and two at once: still one email.
      await Promise.all([
        sendDueReminders(new Date("2019-09-05T15:00:00Z"), only(period)),
        sendDueReminders(new Date("2019-09-06T09:00:00Z"), only(period)),
      ]);
      expect(mine()).toHaveLength(1);
      await sendDueReminders(new Date("2019-09-10T08:00:00Z"), only(period)); // on the day
      await sendDueReminders(new Date("2019-09-10T12:00:00Z"), only(period));
      expect(mine().map((m) => m.subject.split(":")[0])).toEqual(["Due soon", "Due today"]);
      const claims = await db.reminderSent.findMany({ where: { periodId: period.id, email: lead.email } });
      expect(claims.map((c) => [c.step, c.kind, Boolean(c.sentAt)]).sort((a, b) => a.join().localeCompare(b.join()))).toEqual([
        ["commentary", "DUE", true],
        ["commentary", "SOON", true],
      ]);
      expect(
        await db.auditEvent.count({ where: { action: "reminder.sent", entityId: period.id, after: { path: ["to"], equals: lead.email } } }),
      ).toBe(2);
    } finally {
      await db.period.delete({ where: { id: period.id } });
    }
  });

  it("gives the claim back when the email cannot be sent, so the next run sends it", async () => {
    const lead = await createTestUser("SERVICE_LEAD");
    await createSection([lead.id]);
    const period = await db.period.create({ data: { month: uniqueMonth(), panelMeetingDate: new Date("2019-09-26"), status: "OPEN" } });
    try {
      process.env.SMTP_PORT = "1"; // nothing listens there
      const failed = await sendDueReminders(new Date("2019-09-05T09:00:00Z"), only(period));
      expect(failed.failed).toBeGreaterThan(0);
      expect(await db.reminderSent.count({ where: { periodId: period.id, email: lead.email } })).toBe(0);
    } finally {
      process.env.SMTP_PORT = String(catcher.port);
      await db.period.delete({ where: { id: period.id } });
    }
  });
});

describe("reminders about a recommendation's response", () => {
  it("emails each director once 5 working days before the response is due, once on the day and once the working day after; none for one answered", async () => {
    const director = await createTestUser("DIRECTOR");
    const lead = await createTestUser("SERVICE_LEAD");
    // The meeting on Thursday 22 August 2019: responses due Tuesday 22 October.
    const period = await db.period.create({
      data: { month: uniqueMonth(), panelMeetingDate: new Date("2019-08-22"), status: "PUBLISHED" },
    });
    const recommendation = (number: number, status: "AWAITING_RESPONSE" | "ACCEPTED") =>
      db.recommendation.create({
        data: {
          periodId: period.id,
          meetingDate: new Date("2019-08-22"),
          number,
          text: `That the service does thing ${number}.`,
          addressedTo: "Cabinet Member for Children's Services",
          responseDue: new Date("2019-10-22"),
          status,
          createdByName: "Test",
        },
      });
    const awaiting = await recommendation(1, "AWAITING_RESPONSE");
    const answered = await recommendation(2, "ACCEPTED");
    const mine = () => catcher.mails.filter((m) => m.to.includes(director.email));
    const run = (at: string) => sendDueReminders(new Date(at), only(period));
    try {
      await run("2019-10-14T09:00:00Z"); // 6 working days before: nothing yet
      expect(mine()).toHaveLength(0);
      await run("2019-10-15T09:00:00Z"); // 5 working days before
      expect(mine().map((m) => m.subject)).toEqual(["Response due soon: Recommendation 1 of 22 August 2019, by 22 October 2019"]);
      expect(mine()[0].text).toContain("is due in 5 working days");
      expect(mine()[0].text).toContain(`/recommendations/${awaiting.id}`);
      // Again, a restart and two at once: still one.
      await Promise.all([run("2019-10-15T15:00:00Z"), run("2019-10-18T09:00:00Z")]);
      expect(mine()).toHaveLength(1);
      await run("2019-10-22T08:00:00Z"); // on the day
      await run("2019-10-22T16:00:00Z");
      await run("2019-10-23T09:00:00Z"); // the working day after
      await run("2019-10-23T15:00:00Z");
      await run("2019-10-24T09:00:00Z"); // and no more
      await run("2019-11-20T09:00:00Z");
      expect(mine().map((m) => m.subject.split(":")[0])).toEqual(["Response due soon", "Response due today", "Response overdue"]);
      expect(mine()[2].text).toContain("was due on 22 October 2019");
      expect(catcher.mails.some((m) => m.to.includes(lead.email))).toBe(false);

      const claims = await db.reminderSent.findMany({ where: { periodId: period.id, email: director.email } });
      expect(claims.map((c) => [c.step, c.kind, Boolean(c.sentAt)]).sort((a, b) => a.join().localeCompare(b.join()))).toEqual([
        [`response:${awaiting.id}`, "DUE", true],
        [`response:${awaiting.id}`, "OVERDUE", true],
        [`response:${awaiting.id}`, "SOON", true],
      ]);
      expect(await db.reminderSent.count({ where: { step: `response:${answered.id}` } })).toBe(0);
      expect(
        await db.auditEvent.count({
          where: { action: "recommendation.reminderSent", entityId: awaiting.id, after: { path: ["to"], equals: director.email } },
        }),
      ).toBe(3);
    } finally {
      await db.period.delete({ where: { id: period.id } });
    }
  });
});
