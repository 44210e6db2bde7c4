// Tells a person by email when their password or two-step sign-in changes, so a change they did not
// make (someone at their unlocked computer, a stolen password) does not go unnoticed. Sent after the
// change is committed, when SMTP is set up; a failure to send is logged and never undoes the change.
import "server-only";
import { formatDateTime } from "@/lib/format/dates";
import { emailEnabled, sendEmail } from "@/lib/notifications/send-email";

export type AccountChange = "passwordChanged" | "secondFactorOn" | "secondFactorOff" | "secondFactorOffByReset";

const WHAT: Record<AccountChange, { subject: string; body: string }> = {
  passwordChanged: { subject: "Your password was changed", body: "Your Scrutiny Pack password was changed" },
  secondFactorOn: { subject: "Two-step sign-in was turned on", body: "Two-step sign-in was turned on for your Scrutiny Pack account" },
  secondFactorOff: { subject: "Two-step sign-in was turned off", body: "Two-step sign-in was turned off for your Scrutiny Pack account" },
  secondFactorOffByReset: {
    subject: "Two-step sign-in was turned off",
    body: "An administrator reset your Scrutiny Pack password, which also turned off two-step sign-in for your account. Set it up again after you have chosen a new password",
  },
};

export async function noticeAccountChange(to: { email: string; name: string }, change: AccountChange, at = new Date()): Promise<void> {
  if (!emailEnabled()) return;
  const { subject, body } = WHAT[change];
  const link = `${process.env.NEXTAUTH_URL ?? ""}/account/two-step`;
  const text = [
    `Dear ${to.name},`,
    `${body} (${formatDateTime(at)}).`,
    "If this was not you, tell an administrator at once: they can reset your password and end every session.",
    change === "passwordChanged" ? "" : `Your two-step sign-in: ${link}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  await sendEmail([to.email], subject, text).catch((e: unknown) =>
    console.error(`Could not send the "${subject}" email to ${to.email}: ${e instanceof Error ? e.message : String(e)}`),
  );
}
