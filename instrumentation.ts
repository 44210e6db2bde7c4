// Runs once when the Next.js server starts (Node.js only): every request passes the HTTP-level guard
// first (TRACE refused, forwarding headers trusted only from TRUSTED_PROXIES; lib/security/http-server-guard.ts);
// then schedules the reminder emails (when SMTP is set up and REMINDERS_INTERVAL_MINUTES is not 0).
// Each reminder run is idempotent, so a restart never sends one twice.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installHttpServerGuard } = await import("@/lib/security/http-server-guard");
  installHttpServerGuard();
  if (!process.env.SMTP_HOST) return;
  const { reminderIntervalMinutes } = await import("@/lib/reminders/schedule");
  const minutes = reminderIntervalMinutes();
  if (minutes === 0) return;
  const run = async () => {
    try {
      const { sendDueReminders } = await import("@/lib/reminders/send-due-reminders");
      await sendDueReminders();
    } catch (e) {
      console.error("Reminder run failed", e);
    }
  };
  setTimeout(run, 30_000).unref();
  setInterval(run, minutes * 60_000).unref();
}
