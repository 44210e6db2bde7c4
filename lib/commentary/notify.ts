// Email after a workflow step, when SMTP is configured: submitted or withdrawn -> directors (the
// same people, so whoever was told of a submission hears it was taken back); returned or
// approved -> the section's owners. Off by default; failures are logged, never block the step.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { formatMonth } from "@/lib/format/dates";
import { sendEmail, emailEnabled } from "@/lib/notifications/send-email";
import type { CommentaryAction } from "@/lib/commentary/workflow";

type SectionWithOwners = { name: string; slug: string; owners: { user: { email: string; active: boolean } }[] };

export async function notifyCommentaryChange(e: {
  action: CommentaryAction;
  month: string;
  section: SectionWithOwners;
  actor: SessionUser;
  comment: string;
}) {
  if (!emailEnabled() || e.action === "save") return;
  const link = `${process.env.NEXTAUTH_URL ?? ""}/periods/${e.month}/sections/${e.section.slug}`;
  const what = `${e.section.name}, ${formatMonth(e.month)}`;
  if (e.action === "submit") {
    const directors = await db.user.findMany({ where: { role: "DIRECTOR", active: true }, select: { email: true } });
    await sendEmail(
      directors.map((d) => d.email),
      `Commentary submitted for review: ${what}`,
      `${e.actor.name} submitted the commentary for ${what}.\n\nReview it: ${link}`,
    );
    return;
  }
  if (e.action === "withdraw") {
    const directors = await db.user.findMany({ where: { role: "DIRECTOR", active: true }, select: { email: true } });
    await sendEmail(
      directors.map((d) => d.email),
      `Commentary withdrawn: ${what}`,
      `${e.actor.name} withdrew the commentary for ${what} to work on it again. There is nothing to review until it is submitted again.\n\n${link}`,
    );
    return;
  }
  const owners = e.section.owners.filter((o) => o.user.active).map((o) => o.user.email);
  const verb = e.action === "approve" ? "approved" : e.action === "return" ? "returned for changes" : "reopened";
  const comment = e.comment ? `\n\nComment from ${e.actor.name}:\n${e.comment}` : "";
  await sendEmail(owners, `Commentary ${verb}: ${what}`, `${e.actor.name} ${verb} the commentary for ${what}.${comment}\n\n${link}`);
}
