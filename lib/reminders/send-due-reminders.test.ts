// Reminder emails through a local SMTP catcher: the people who owe a step get one email three
// working days before and one on the day; running again, or twice at once, sends nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSection, createTestUser, uniqueMonth } from "@/test/factories";
import { startSmtpCatcher } from "@/test/smtp-catcher";
import { sendDueReminders } from "./send-due-reminders";
import { reminderKindFor } from "./reminder-plan";

let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
// Only the test's own period: other test files leave open periods in the shared database, and
// reminding their people too made this file slow and order-dependent.
const only = (period: { id: string }) => ({ periodIds: [period.id] });
beforeAll(async () => {
  catcher = await startSmtpCatcher();
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(catcher.port);
});
afterAll(async () => {
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  await catcher.close();
});

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
