"use server";
// The administrator's "Send due reminders now" button. The domain function checks who may.
import { z } from "zod";
import { formAction } from "@/lib/define-action";
import { sendRemindersNow } from "@/lib/reminders/send-reminders-now";

export const sendRemindersAction = formAction({
  schema: z.object({}),
  permission: "reminders.send",
  run: (user) => sendRemindersNow(user),
  done: (r) => ({ redirect: `/admin/reminders?sent=${r.sent}&already=${r.alreadySent}&failed=${r.failed}` }),
});
