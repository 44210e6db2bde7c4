// Reminder emails, checked with a local SMTP catcher: on 9 September 2019 (the browser tests'
// DEADLINES_TODAY) August 2019's commentary is due the next working day, so each lead with a
// section still to submit gets one email; sending again sends nothing more.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { startSmtpCatcher } from "../test/smtp-catcher";
import { thisWorker } from "./worker-servers";

test("an administrator sends the due reminders: each lead who owes August's commentary gets one email, once", async ({ page }) => {
  const catcher = await startSmtpCatcher(Number(thisWorker().SMTP_PORT));
  try {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Reminder emails" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reminder emails");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send due reminders now" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText(/\d+ reminders? sent/);

    const august = () => catcher.mails.filter((m) => m.subject === "Due soon: Commentary submitted for August 2019, by 10 September 2019");
    const to = august()
      .flatMap((m) => m.to)
      .sort();
    expect(to).toEqual([ACCOUNTS.leadCare, ACCOUNTS.leadDemand, ACCOUNTS.leadProtection].sort());
    const care = august().find((m) => m.to.includes(ACCOUNTS.leadCare))!;
    expect(care.text).toContain("is due in 1 working day");
    expect(care.text).toContain("Your sections still to submit: Corporate parenting / Children looked after, Care leavers.");

    // Again (as after a restart): nothing more is sent.
    const before = catcher.mails.length;
    await page.getByRole("button", { name: "Send due reminders now" }).click();
    await expect(page.locator(".govuk-notification-banner__heading")).toHaveText(/^0 reminders sent; [1-9]\d* already sent before$/);
    expect(catcher.mails.length).toBe(before);
  } finally {
    await catcher.close();
  }
});
