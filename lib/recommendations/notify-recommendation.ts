// Email about a recommendation, when SMTP is configured: recorded -> the directors (who owe the
// executive's response); responded -> the administrators (the scrutiny officer tells the panel).
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/dates";
import { emailEnabled, sendEmail } from "@/lib/notifications/send-email";
import { recommendationName } from "@/lib/recommendations/recommendation-words";
import { RECOMMENDATION_STATE_LABEL } from "@/lib/recommendations/recommendation-workflow";

export async function notifyRecommendation(e: { step: "recorded" | "responded"; id: string; actor: SessionUser }) {
  if (!emailEnabled()) return;
  const r = await db.recommendation.findUnique({ where: { id: e.id } });
  if (!r) return;
  const link = `${process.env.NEXTAUTH_URL ?? ""}/recommendations/${r.id}`;
  const name = recommendationName(r);
  const role = e.step === "recorded" ? "DIRECTOR" : "ADMIN";
  const to = (await db.user.findMany({ where: { role, active: true }, select: { email: true } })).map((u) => u.email);
  if (e.step === "recorded") {
    await sendEmail(
      to,
      `Response needed by ${formatDate(r.responseDue)}: ${name}`,
      `${e.actor.name} recorded ${name}, addressed to ${r.addressedTo}:\n\n${r.text}\n\nThe executive's response is due by ${formatDate(r.responseDue)}.\n\n${link}`,
    );
  } else {
    await sendEmail(
      to,
      `Response recorded: ${name}`,
      `${e.actor.name} recorded the executive's response: ${RECOMMENDATION_STATE_LABEL[r.status]}.\n\n${link}`,
    );
  }
}
