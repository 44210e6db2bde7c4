// Actions on exceptions in the browser: the demo's July 2019 pack shows the actions June's leads
// recorded, carried over, with how long each exception has been on the list, and one resolved; a
// lead records an action on August 2019 (refused field by field first), marks it done, and the
// director's preview of the pack shows it. Open actions past their due date say "Overdue" on both.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";
import { fillDate } from "./date-input";

const SECTION = "/periods/2019-08/sections/child-protection";
const WHAT = `Dip-sample ten cases a week (${Date.now().toString(36)})`;

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

test.afterAll(async () => {
  await query(`delete from "ExceptionAction" where description = $1`, [WHAT]);
});

test.setTimeout(180_000); // a section page with its figures and forms, checked by axe twice on a busy machine

test("July 2019's pack shows actions carried from June and one resolved; a lead records an action on August and the pack preview shows it", async ({
  page,
}) => {
  await as(page, ACCOUNTS.panel);
  await page.goto("/packs/2019-07");
  const exceptions = page.getByRole("region", { name: "Exceptions" }).first();
  const assess = page.locator("#exceptions-title ~ * tr[data-code=ASSESS_45WD_PCT]");
  await expect(assess).toContainText("On the list since February 2019, 6 months");
  await expect(assess).toContainText(/Owner: Head of Safeguarding\. Due 15 (August|September) 2019\. Open\. Carried from June 2019\./);
  const resolved = page.locator(".app-pack-resolved[data-code=CP_OPEN_2YRS_PCT]");
  await expect(resolved).toContainText("Resolved: the indicator is off the list");
  await expect(exceptions).toBeVisible();
  // SCREENSHOT_DIR=path keeps a picture of the section for people to look at.
  if (process.env.SCREENSHOT_DIR)
    await page
      .locator("section[aria-labelledby=exceptions-title]")
      .screenshot({ path: `${process.env.SCREENSHOT_DIR}/pack-exceptions-2019-07.png` });

  // August 2019: June's actions are carried into the child protection lead's section page.
  await as(page, ACCOUNTS.leadProtection);
  await page.goto(SECTION);
  const panel = page.getByRole("region", { name: "Actions on exceptions" });
  await expect(panel.locator("[data-code=ASSESS_45WD_PCT]")).toContainText("Carried from June 2019");
  // Today is 9 September 2019 (DEADLINES_TODAY): June's open actions due 15 August are overdue, in
  // words and a symbol; those due 15 September are not.
  const august = panel.getByRole("row").filter({ hasText: "15 August 2019" }).filter({ hasText: "Open" });
  await expect(august.first()).toBeVisible();
  for (const row of await august.all()) await expect(row.locator(".app-overdue")).toHaveText("⚠ Overdue");
  await expect(panel.locator(".app-overdue span[aria-hidden=true]").first()).toHaveText("⚠ ");
  await expect(panel.getByRole("row").filter({ hasText: "15 September 2019" }).locator(".app-overdue")).toHaveCount(0);

  // Bad input: no owner and no due date are refused field by field.
  const block = panel.locator(".app-exception-actions", { has: page.locator("summary", { hasText: "Record an action on" }) }).first();
  await block.locator("summary", { hasText: "Record an action on" }).click();
  await block.getByLabel("What will be done").fill(WHAT);
  await block.getByRole("button", { name: "Record action" }).click();
  const summary = block.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter who owns this action");
  await expect(summary).toContainText("Enter the due date");
  await expect(block.locator(".govuk-form-group--error")).toHaveCount(2);
  await expectAccessible(page);

  await block.getByLabel("What will be done").fill(WHAT);
  await block.getByLabel("Who owns it").fill("Head of Safeguarding");
  await fillDate(block, "Due date", "2019-10-31");
  await block.getByRole("button", { name: "Record action" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Action recorded");
  const row = page.getByRole("row", { name: new RegExp(WHAT.replace(/[()]/g, "\\$&")) });
  await expect(row).toContainText("31 October 2019");
  await expect(row).toContainText("Open");
  const stored = await query<{ status: string; fromMonth: string }>(
    `select status, "fromMonth" from "ExceptionAction" where description = $1`,
    [WHAT],
  );
  expect(stored).toEqual([{ status: "OPEN", fromMonth: "2019-08" }]);
  const audit = await query(
    `select 1 from "AuditEvent" where action = 'exceptionAction.record' and "periodMonth" = '2019-08' and after->>'description' = $1`,
    [WHAT],
  );
  expect(audit).toHaveLength(1);

  if (process.env.SCREENSHOT_DIR) await panel.screenshot({ path: `${process.env.SCREENSHOT_DIR}/section-actions-2019-08.png` });
  await row.getByRole("button", { name: /Mark as done/ }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Action marked as done");
  await expect(page.getByRole("row", { name: new RegExp(WHAT.replace(/[()]/g, "\\$&")) })).toContainText("Done");

  // The director reads it in the pack preview, as the pack will freeze it at sign-off.
  await as(page, ACCOUNTS.director);
  await page.goto("/packs/2019-08?preview=1");
  await expect(page.locator("section[aria-labelledby=exceptions-title]")).toContainText(
    `${WHAT}. Owner: Head of Safeguarding. Due 31 October 2019. Done.`,
  );
  // The live preview says the same of June's overdue actions; the done one is not overdue.
  await expect(page.locator("section[aria-labelledby=exceptions-title]")).toContainText(/Due 15 August 2019\. Open\. ⚠ Overdue\./);
  await expect(page.locator("section[aria-labelledby=exceptions-title] li", { hasText: WHAT })).not.toContainText("Overdue");
});
