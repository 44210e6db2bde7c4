// Email after a question's step, when SMTP is configured (lib/notifications/send-email.ts): asked ->
// its section's leads (a pack-wide question: the directors); answer submitted -> the directors;
// returned -> whoever drafted the answer; approved -> the member who asked, and the answer's author.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { formatMonth } from "@/lib/format/dates";
import { emailEnabled, sendEmail } from "@/lib/notifications/send-email";

export type QuestionStep = "asked" | "submitted" | "returned" | "approved";

export async function notifyQuestionStep(e: { step: QuestionStep; questionId: string; actor: SessionUser; comment?: string }) {
  if (!emailEnabled()) return;
  const q = await db.panelQuestion.findUnique({
    where: { id: e.questionId },
    include: {
      period: { select: { month: true } },
      indicator: { select: { name: true } },
      section: { select: { name: true, owners: { select: { user: { select: { email: true, active: true } } } } } },
    },
  });
  if (!q) return;
  const base = process.env.NEXTAUTH_URL ?? "";
  const about = q.indicator?.name ?? q.section?.name ?? "the whole pack";
  const what = `a question about ${about} (${formatMonth(q.period.month)} pack)`;
  const staffLink = `${base}/periods/${q.period.month}/questions/${q.id}`;
  const directors = async () =>
    (await db.user.findMany({ where: { role: "DIRECTOR", active: true }, select: { email: true } })).map((d) => d.email);
  const emailOf = async (id: string | null) =>
    id ? ((await db.user.findFirst({ where: { id, active: true }, select: { email: true } }))?.email ?? null) : null;

  if (e.step === "asked") {
    const to = q.section ? q.section.owners.filter((o) => o.user.active).map((o) => o.user.email) : await directors();
    await sendEmail(to, `Question from the panel: ${about}`, `${e.actor.name} asked ${what}:\n\n${q.body}\n\nAnswer it: ${staffLink}`);
  } else if (e.step === "submitted") {
    await sendEmail(
      await directors(),
      `Answer to approve: ${about}`,
      `${e.actor.name} sent for approval the answer to ${what}.\n\n${staffLink}`,
    );
  } else if (e.step === "returned") {
    const author = await emailOf(q.answeredById);
    const comment = e.comment ? `\n\nComment from ${e.actor.name}:\n${e.comment}` : "";
    await sendEmail(
      author ? [author] : [],
      `Answer returned: ${about}`,
      `${e.actor.name} returned the answer to ${what}.${comment}\n\n${staffLink}`,
    );
  } else {
    const asker = await emailOf(q.askedById);
    if (asker)
      await sendEmail(
        [asker],
        `Your question has been answered: ${about}`,
        `Your ${what} has its answer.\n\n${base}/packs/${q.period.month}/questions`,
      );
    const author = q.answeredById !== e.actor.id ? await emailOf(q.answeredById) : null;
    if (author) await sendEmail([author], `Answer approved: ${about}`, `${e.actor.name} approved the answer to ${what}.\n\n${staffLink}`);
  }
}
