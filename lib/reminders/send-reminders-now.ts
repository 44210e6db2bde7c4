// An administrator's "Send due reminders now": the same idempotent run the scheduler makes, so
// pressing it twice (or after the scheduler ran) sends nothing more.
import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { emailEnabled } from "@/lib/notifications/send-email";
import { sendDueReminders } from "./send-due-reminders";

export async function sendRemindersNow(user: SessionUser | null, now = new Date()) {
  assertCan(user, "reminders.send");
  if (!emailEnabled())
    throw new AppError("INVALID_TRANSITION", "Email is not set up: set SMTP_HOST (and SMTP_PORT, SMTP_FROM) to send reminders");
  return sendDueReminders(now);
}
