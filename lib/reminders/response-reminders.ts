// Reminder emails to the directors about the executive's response to a recommendation (due two
// calendar months after the meeting): 5 working days before, on the day, and the working day after
// if it is still awaited. The same claim-then-send as send-due-reminders.ts: each (recommendation,
// kind, due date, director) is a ReminderSent row with step "response:<id>", inserted before the
// email goes, so a restart, a second run or a second server never sends it twice.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { formatDate } from "@/lib/format/dates";
import { sendEmail } from "@/lib/notifications/send-email";
import { deadlineToday } from "@/lib/deadlines/find-deadlines";
import { workingDaysBetween } from "@/lib/deadlines/working-days";
import { describeTimeLeft } from "@/lib/deadlines/deadline-state";
import { recommendationName } from "@/lib/recommendations/recommendation-words";
import { responseReminderKindFor, type ResponseReminderKind } from "./reminder-plan";

export const responseStep = (recommendationId: string) => `response:${recommendationId}`;

const SUBJECT: Record<ResponseReminderKind, string> = {
  SOON: "Response due soon",
  DUE: "Response due today",
  OVERDUE: "Response overdue",
};

/** Recommendations still awaiting their response (only those of `periodIds`, when given); email must be enabled. */
export async function sendResponseReminders(
  now = new Date(),
  { periodIds }: { periodIds?: string[] } = {},
): Promise<{ sent: number; alreadySent: number; failed: number }> {
  const result = { sent: 0, alreadySent: 0, failed: 0 };
  const today = deadlineToday(now);
  const awaiting = await db.recommendation.findMany({
    where: { status: "AWAITING_RESPONSE", ...(periodIds ? { periodId: { in: periodIds } } : {}) },
    orderBy: [{ responseDue: "asc" }, { number: "asc" }],
    include: { period: { select: { month: true } } },
  });
  const due = awaiting
    .map((r) => {
      const date = r.responseDue.toISOString().slice(0, 10);
      const workingDaysLeft = workingDaysBetween(today, date);
      return { r, date, workingDaysLeft, kind: responseReminderKindFor({ responded: false, workingDaysLeft }) };
    })
    .filter((x) => x.kind !== null);
  if (!due.length) return result;
  const directors = await db.user.findMany({
    where: { role: "DIRECTOR", active: true },
    orderBy: { email: "asc" },
    select: { email: true },
  });

  for (const { r, date, workingDaysLeft, kind } of due) {
    const name = recommendationName(r);
    for (const { email } of directors) {
      const key = { periodId: r.periodId, step: responseStep(r.id), kind: kind!, email, dueDate: r.responseDue };
      const claimed = await db.reminderSent.createMany({ data: [key], skipDuplicates: true });
      if (claimed.count === 0) {
        result.alreadySent++;
        continue;
      }
      const when =
        kind === "OVERDUE" ? `was due on ${formatDate(date)}` : `is ${describeTimeLeft(workingDaysLeft)} (by ${formatDate(date)})`;
      try {
        await sendEmail(
          [email],
          `${SUBJECT[kind!]}: ${name}, by ${formatDate(date)}`,
          `The executive's response to ${name}, addressed to ${r.addressedTo}, ${when}.\n\n${r.text}\n\n${process.env.NEXTAUTH_URL ?? ""}/recommendations/${r.id}`,
        );
        await db.$transaction(async (tx) => {
          await tx.reminderSent.updateMany({ where: key, data: { sentAt: new Date() } });
          await recordAudit(tx, SYSTEM_ACTOR, {
            action: "recommendation.reminderSent",
            entityType: "Recommendation",
            entityId: r.id,
            periodMonth: r.period.month,
            after: { step: key.step, kind, to: email, due: date },
          });
        });
        result.sent++;
      } catch (e) {
        console.error(`Reminder to ${email} about the response to ${name} failed`, e);
        await db.reminderSent.deleteMany({ where: { ...key, sentAt: null } });
        result.failed++;
      }
    }
  }
  return result;
}
