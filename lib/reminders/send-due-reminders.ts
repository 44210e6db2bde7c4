// Reminder emails to the people who owe a period's next step: three working days before its date
// and on the day, through the optional SMTP. Idempotent: each (period, step, kind, due date, person)
// is claimed with a unique row before its email goes, so a restart, a second run or a second server
// never sends it twice. A failed send gives its claim back, so the next run tries again. The same run
// reminds the directors of recommendations' responses (response-reminders.ts).
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { emailEnabled, sendEmail } from "@/lib/notifications/send-email";
import { checkReadiness } from "@/lib/periods/readiness";
import { deadlinesFor, progressFromReadiness } from "@/lib/deadlines/find-deadlines";
import { describeTimeLeft } from "@/lib/deadlines/deadline-state";
import type { DeadlineStep } from "@/lib/deadlines/period-deadlines";
import { AWAITING_PUBLICATION_STATES } from "@/lib/periods/period-lifecycle";
import { reminderKindFor } from "./reminder-plan";
import { sendResponseReminders } from "./response-reminders";

type Recipient = { email: string; detail: string };

async function recipientsFor(step: DeadlineStep, sections: { name: string; slug: string; state: string }[]): Promise<Recipient[]> {
  if (step.key === "commentary") {
    const waiting = sections.filter((s) => s.state !== "SUBMITTED" && s.state !== "APPROVED");
    const owners = await db.sectionOwner.findMany({
      where: { section: { slug: { in: waiting.map((s) => s.slug) } }, user: { active: true } },
      orderBy: { section: { order: "asc" } },
      select: { user: { select: { email: true } }, section: { select: { name: true } } },
    });
    const bySomeone = new Map<string, string[]>();
    for (const o of owners) bySomeone.set(o.user.email, [...(bySomeone.get(o.user.email) ?? []), o.section.name]);
    return [...bySomeone].map(([email, names]) => ({ email, detail: `Your sections still to submit: ${names.join(", ")}.` }));
  }
  const role = step.key === "values" ? "ADMIN" : "DIRECTOR";
  const people = await db.user.findMany({ where: { role, active: true }, select: { email: true } });
  return people.map((p) => ({ email: p.email, detail: "" }));
}

/**
 * Every period still owed a step and every recommendation still owed its response, or only those of
 * `periodIds` (one period's reminders, without the others').
 */
export async function sendDueReminders(
  now = new Date(),
  { periodIds }: { periodIds?: string[] } = {},
): Promise<{ sent: number; alreadySent: number; failed: number }> {
  const result = { sent: 0, alreadySent: 0, failed: 0 };
  if (!emailEnabled()) return result;
  const periods = await db.period.findMany({
    where: { status: { in: [...AWAITING_PUBLICATION_STATES] }, ...(periodIds ? { id: { in: periodIds } } : {}) },
    orderBy: { month: "asc" },
  });
  for (const period of periods) {
    const readiness = await checkReadiness(period.id);
    const deadlines = deadlinesFor(period, progressFromReadiness(readiness), now);
    // A history month has no meeting, so nothing is due.
    if (!deadlines) continue;
    for (const step of deadlines.steps) {
      const kind = reminderKindFor(step);
      if (!kind) continue;
      for (const r of await recipientsFor(step, readiness.sections)) {
        const key = { periodId: period.id, step: step.key, kind, email: r.email, dueDate: new Date(`${step.due}T00:00:00Z`) };
        const claimed = await db.reminderSent.createMany({ data: [key], skipDuplicates: true });
        if (claimed.count === 0) {
          result.alreadySent++;
          continue;
        }
        const what = `${step.label} for ${formatMonth(period.month)}`;
        const link = `${process.env.NEXTAUTH_URL ?? ""}/periods/${period.month}`;
        try {
          await sendEmail(
            [r.email],
            `${kind === "DUE" ? "Due today" : "Due soon"}: ${what}, by ${formatDate(step.due)}`,
            `${what} is ${describeTimeLeft(step.workingDaysLeft)} (by ${formatDate(step.due)}). ${r.detail}\n\nThe panel meets on ${formatDate(deadlines.meeting)}; the papers must be published by ${formatDate(deadlines.statutory)}.\n\n${link}`,
          );
          await db.$transaction(async (tx) => {
            await tx.reminderSent.updateMany({ where: key, data: { sentAt: new Date() } });
            await recordAudit(tx, SYSTEM_ACTOR, {
              action: "reminder.sent",
              entityType: "Period",
              entityId: period.id,
              periodMonth: period.month,
              after: { step: step.key, kind, to: r.email, due: step.due },
            });
          });
          result.sent++;
        } catch (e) {
          console.error(`Reminder to ${r.email} about ${what} failed`, e);
          await db.reminderSent.deleteMany({ where: { ...key, sentAt: null } });
          result.failed++;
        }
      }
    }
  }
  const responses = await sendResponseReminders(now, { periodIds });
  return {
    sent: result.sent + responses.sent,
    alreadySent: result.alreadySent + responses.alreadySent,
    failed: result.failed + responses.failed,
  };
}
