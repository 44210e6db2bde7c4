import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { emailEnabled } from "@/lib/notifications/send-email";
import { reminderIntervalMinutes } from "@/lib/reminders/schedule";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { SendRemindersForm } from "./send-form";

export const metadata: Metadata = { title: "Reminder emails" };

type Props = { searchParams: Promise<{ sent?: string; already?: string; failed?: string }> };

export default async function RemindersPage({ searchParams }: Props) {
  await requirePermission("reminders.send");
  const q = await searchParams;
  const n = (s: string | undefined) => Math.max(0, Number.parseInt(s ?? "0", 10) || 0);
  const interval = reminderIntervalMinutes();
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", text: "Administration" }]} />
      {q.sent !== undefined ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="sent-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="sent-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {n(q.sent)} reminder{n(q.sent) === 1 ? "" : "s"} sent; {n(q.already)} already sent before
              {n(q.failed) ? `; ${n(q.failed)} could not be sent and will be tried again` : ""}
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-xl">Reminder emails</h1>
      <p className="govuk-body">
        The people who owe a period&rsquo;s next step get an email three working days before its date and on the day. Each is sent once,
        however often reminders are run.
      </p>
      {emailEnabled() ? (
        <>
          <p className="govuk-body">
            {interval > 0
              ? `Scrutiny Pack checks for due reminders every ${interval} minutes.`
              : "Scheduled checks are off (REMINDERS_INTERVAL_MINUTES=0): send them from here, or run them from cron."}
          </p>
          <SendRemindersForm />
        </>
      ) : (
        <div className="govuk-inset-text">
          Email is not set up, so no reminders are sent. Set SMTP_HOST (and SMTP_PORT, SMTP_FROM) to turn them on.
        </div>
      )}
    </>
  );
}
