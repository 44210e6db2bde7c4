// A panel member asks a question about one indicator of the July 2019 pack, from the address the
// pack's rows link to; the lead who owns its section sees it on the staff list. The demo's meeting is
// in the past, so the test moves it to 2100 for its run (and back), which opens questions.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, expectResultFocused, signInAs } from "./fixtures";
import { one, query } from "./db";

const MONTH = "2019-07";

test("a panel member asks about an indicator, sees it as theirs, and the lead sees it to answer", async ({ page }) => {
  const before = await one<{ d: string }>(`SELECT "panelMeetingDate"::text AS d FROM "Period" WHERE month = $1`, [MONTH]);
  await query(`UPDATE "Period" SET "panelMeetingDate" = '2100-01-07' WHERE month = $1`, [MONTH]);
  try {
    await signInAs(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}/questions/new?about=indicator:CP_PLANS`);
    await expect(page.getByRole("heading", { level: 1, name: "Ask a question" })).toBeVisible();
    await expect(page.getByLabel("About")).toHaveValue("indicator:CP_PLANS");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Send question" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter your question");
    await expect(page.getByLabel("About")).toHaveValue("indicator:CP_PLANS");

    const body = `Why did plans rise? ${Date.now()}`;
    await page.getByLabel("Your question").fill(body);
    await page.getByRole("button", { name: "Send question" }).click();
    await expect(page).toHaveURL(new RegExp(`/packs/${MONTH}/questions\\?asked=1$`));
    await expectResultFocused(page, "Your question has been sent");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions from the panel, July 2019 pack");
    await expect(page.locator(".govuk-summary-card", { hasText: body })).toContainText("Not answered yet");
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    const row = await one<{ id: string; status: string }>(`SELECT id, status::text FROM "PanelQuestion" WHERE body = $1`, [body]);
    expect(row.status).toBe("ASKED");

    await page.context().clearCookies();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, ACCOUNTS.leadProtection);
    await page.goto(`/periods/${MONTH}/questions`);
    await expectAccessible(page);
    await page.locator(`a[href="/periods/${MONTH}/questions/${row.id}"]`).click();
    await expect(page.getByText(body)).toBeVisible();
    await page.getByLabel("Answer").fill("Because more children needed one.");
    await page.getByRole("button", { name: "Send for approval" }).click();
    await expectResultFocused(page, "Answer sent to the director for approval");
    await expectAccessible(page);
  } finally {
    await query(`UPDATE "Period" SET "panelMeetingDate" = $2 WHERE month = $1`, [MONTH, before.d]);
  }
});
