// Deadlines worked back from the panel meeting date, shown to each role. The browser tests judge
// them as on Monday 9 September 2019 (DEADLINES_TODAY in scripts/test.mjs): August 2019's panel
// meets on 26 September, so commentary is due tomorrow and publication by 18 September.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";
import { fillDate } from "./date-input";

// A month before the demo's history, opened with a meeting date long gone: late from the start.
const LATE_MONTH = "2016-11";

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

const stepRow = (page: Page, name: string) =>
  page.locator("table.app-deadlines tr", { has: page.getByRole("rowheader", { name, exact: true }) });

test.afterAll(async () => {
  await query(`delete from "Period" where month = $1`, [LATE_MONTH]);
});

test("each role sees the deadlines from the meeting date; a meeting date that leaves no time is accepted with a warning", async ({
  page,
}) => {
  await as(page, ACCOUNTS.admin);
  await page.goto("/periods/2019-08");
  const publishBy = page.locator(".govuk-summary-list__row", { has: page.getByText("Publish by", { exact: true }) });
  await expect(publishBy).toContainText("18 September 2019");
  await expect(publishBy).toContainText("Five clear days before the meeting");
  await expect(stepRow(page, "Values in")).toContainText("5 September 2019");
  await expect(stepRow(page, "Commentary submitted")).toContainText(
    /10 September 2019\s*Service leads\s*! Due soon\s*due in 1 working day/,
  );
  await expect(stepRow(page, "Commentary approved")).toContainText(/13 September 2019\s*Director\s*○ On time\s*due in 4 working days/);
  await expect(stepRow(page, "Signed off and published")).toContainText(/18 September 2019\s*Director\s*○ On time\s*due in 7 working days/);
  // The symbol repeats the words for sighted readers; screen readers hear the words once.
  await expect(stepRow(page, "Commentary submitted").locator(".app-deadline-tag [aria-hidden=true]")).toHaveText("! ");
  await expect(page.locator(".govuk-warning-text")).toHaveCount(0);
  await expectAccessible(page);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/period-page-2019-08.png`, fullPage: true });

  await page.goto("/");
  await expect(page.locator("[data-step=values]").first()).toContainText("Values in by 5 September 2019");

  // Bad input: a meeting date already past its statutory date is accepted, and says how late.
  await page.goto("/periods");
  await fillDate(page, "Month", LATE_MONTH);
  await fillDate(page, "Panel meeting date", "2016-12-15");
  await page.getByRole("button", { name: "Open period" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(
    /Publication is already \d+ working days late: for a meeting on 15 December 2016 the papers had to be published by 7 December 2016/,
  );
  await expect(page.locator(".govuk-warning-text")).toContainText(
    "This pack is at risk of missing its statutory date: it must be published by 7 December 2016",
  );
  await expect(stepRow(page, "Signed off and published")).toContainText("✗ Late");

  await as(page, ACCOUNTS.leadDemand);
  await page.goto("/");
  const demand = page.locator(".govuk-task-list__item", { has: page.getByRole("link", { name: "Demand", exact: true }) }).first();
  await expect(demand).toContainText("Commentary submitted by 10 September 2019: due in 1 working day");
  await expect(demand).toContainText("Due soon");
  await page.goto("/periods/2019-08/sections/demand");
  await expect(page.getByRole("table", { name: "Deadlines for this section" })).toBeVisible();
  await expect(stepRow(page, "Commentary submitted")).toContainText("Due soon");
  await expect(stepRow(page, "Values in")).toHaveCount(0);

  await as(page, ACCOUNTS.director);
  await page.goto("/");
  const atRisk = page.getByRole("region", { name: "At risk of missing the statutory date" });
  await expect(atRisk).toContainText("November 2016");
  await expect(atRisk).toContainText(/Must be published by 7 December 2016 \(\d+ working days late\) for the meeting on 15 December 2016/);
  await expect(atRisk).not.toContainText("August 2019");
  await expect(page.getByText(/August 2019.*publish by 18 September 2019/)).toBeVisible();
  await expectAccessible(page);
});
