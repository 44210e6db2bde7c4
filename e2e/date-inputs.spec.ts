// Dates are entered one way everywhere: GOV.UK's date input (day, month and year boxes; month and year
// for a month). By keyboard, with axe: the "Change the target" form (the month it offers, an indicator
// that can only have no target, a change that changes nothing) and the "Open a period" form's errors.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";
import { dateGroup } from "./date-input";

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
const code = (name: string) => `E2E_DATES_${name}_${RUN}`;
const SHOTS = process.env.SCREENSHOT_DIR;

test.afterAll(async () => {
  await query(`delete from "Indicator" where code like $1`, [`E2E_DATES_%_${RUN}`]);
});

async function insertIndicator(name: string, polarity: string) {
  const section = await one<{ id: string }>(`select id from "Section" where slug = 'child-protection'`);
  const row = await one<{ id: string }>(
    `insert into "Indicator" (id, code, name, "sectionId", definition, unit, polarity, "measureType", decimals, "order", "updatedAt")
     values (gen_random_uuid(), $1, $2, $3, 'A test indicator.', 'PERCENT', $4, 'IN_MONTH_PERCENT', 1, 900, now()) returning id`,
    [code(name), `Test ${name} ${RUN}`, section.id, polarity],
  );
  return { id: row.id, code: code(name) };
}

/** The month after the last frozen pack: the next month to be reported. */
async function nextToReport(): Promise<string> {
  const { month } = await one<{ month: string }>(
    `select to_char(to_date(max(month), 'YYYY-MM') + interval '1 month', 'YYYY-MM') as month from "Period" where status in ('SIGNED_OFF', 'PUBLISHED', 'AMENDING')`,
  );
  return month;
}

/** Types into the focused box, then moves on with Tab, as a keyboard user does. */
async function typeAndTab(page: Page, box: Locator, text: string) {
  await expect(box).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("date inputs", () => {
  test("the target form offers the next month to report and refuses a change that changes nothing", async ({ page }) => {
    const indicator = await insertIndicator("PLAIN", "HIGHER_IS_BETTER");
    const next = await nextToReport();
    const [year, month] = next.split("-");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/indicators/${indicator.code}/target`);
    const from = dateGroup(page, "From which month?");
    // Not the calendar's next month: the month after the last signed-off pack.
    await expect(from.getByLabel("Month", { exact: true })).toHaveValue(String(Number(month)));
    await expect(from.getByLabel("Year", { exact: true })).toHaveValue(year);
    await expectAccessible(page);
    await shoot(page, "target-form");

    // By keyboard: tick "No target from this month" (there is none already) and save.
    await from.getByLabel("Month", { exact: true }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("No target from this month")).toBeFocused();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Save the new target" })).toBeFocused();
    await page.keyboard.press("Enter");

    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Nothing was changed: there is already no target for");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#fromMonth-month");
    await expect(page.locator("#fromMonth-error")).toContainText("Nothing was changed");
    // A readable month refused: both boxes are marked.
    await expect(from.locator(".govuk-input--error")).toHaveCount(2);
    await expectAccessible(page);
    expect(await query(`select 1 from "IndicatorTarget" where "indicatorId" = $1`, [indicator.id])).toHaveLength(0);
    expect(
      await query(`select 1 from "AuditEvent" where action = 'indicator.target.changed' and "entityId" = $1`, [indicator.id]),
    ).toHaveLength(0);

    // A month without a year: only the year box is marked, and the summary links to it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(from.getByLabel("Month", { exact: true })).toBeFocused();
    await page.keyboard.press("Tab");
    await typeAndTab(page, from.getByLabel("Year", { exact: true }), "");
    await page.getByRole("button", { name: "Save the new target" }).focus();
    await page.keyboard.press("Enter");
    await expect(summary).toContainText("The month the change starts from must include a year");
    await expect(summary.getByRole("link", { name: /must include a year/ })).toHaveAttribute("href", "#fromMonth-year");
    await expect(from.getByLabel("Year", { exact: true })).toHaveClass(/govuk-input--error/);
    await expect(from.getByLabel("Month", { exact: true })).not.toHaveClass(/govuk-input--error/);
    await expectAccessible(page);
    await shoot(page, "target-form-error");
  });

  test("an indicator that can only have no target is not offered target fields", async ({ page }) => {
    const never = await insertIndicator("NEITHER", "NEITHER");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/indicators/${never.code}/target`);
    await expect(page.getByText("so it can only have no target")).toBeVisible();
    await expect(page.getByText("It has never had one, so there is nothing to change")).toBeVisible();
    await expect(page.getByLabel("New target")).toHaveCount(0);
    await expect(page.getByLabel("No target from this month")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save the new target|Remove the target/ })).toHaveCount(0);
    await expectAccessible(page);
    await shoot(page, "target-neither-none");

    // One that had a target before its polarity changed: only the month is asked, to remove it.
    const had = await insertIndicator("HAD", "NEITHER");
    await query(
      `insert into "IndicatorTarget" (id, "indicatorId", "fromMonth", target, tolerance) values (gen_random_uuid(), $1, '2018-04', 50, null)`,
      [had.id],
    );
    const next = await nextToReport();
    await page.goto(`/admin/indicators/${had.code}/target`);
    await expect(page.getByLabel("New target")).toHaveCount(0);
    await expect(page.getByLabel("Tolerance (optional)")).toHaveCount(0);
    await dateGroup(page, "From which month?").getByLabel("Year", { exact: true }).focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Remove the target" })).toBeFocused();
    await expectAccessible(page);
    await shoot(page, "target-neither-remove");
    await page.keyboard.press("Enter");
    await expect(page.locator(".govuk-notification-banner")).toContainText("Target changed from");
    const rows = await query<{ fromMonth: string; target: number | null }>(
      `select "fromMonth", target from "IndicatorTarget" where "indicatorId" = $1 order by "fromMonth"`,
      [had.id],
    );
    expect(rows).toEqual([
      { fromMonth: "2018-04", target: 50 },
      { fromMonth: next, target: null },
    ]);
  });

  test("opening a period: the month and the meeting date are date inputs that mark the wrong box", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/periods");
    const month = dateGroup(page, "Month");
    const meeting = dateGroup(page, "Panel meeting date");
    await expectAccessible(page);
    await shoot(page, "open-period");

    // By keyboard: a month with no year and a meeting date that does not exist (31 September).
    await month.getByLabel("Month", { exact: true }).focus();
    await typeAndTab(page, month.getByLabel("Month", { exact: true }), "9");
    await typeAndTab(page, month.getByLabel("Year", { exact: true }), "");
    await typeAndTab(page, meeting.getByLabel("Day", { exact: true }), "31");
    await typeAndTab(page, meeting.getByLabel("Month", { exact: true }), "9");
    await typeAndTab(page, meeting.getByLabel("Year", { exact: true }), "2019");
    await expect(page.getByRole("button", { name: "Open period" })).toBeFocused();
    await page.keyboard.press("Enter");

    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Month must include a year" })).toHaveAttribute("href", "#open-month-year");
    await expect(summary.getByRole("link", { name: "Panel meeting date must be a real date" })).toHaveAttribute(
      "href",
      "#open-panel-meeting-date-day",
    );
    await expect(month.locator(".govuk-input--error")).toHaveCount(1);
    await expect(month.getByLabel("Year", { exact: true })).toHaveClass(/govuk-input--error/);
    await expect(meeting.locator(".govuk-input--error")).toHaveCount(1);
    await expect(meeting.getByLabel("Day", { exact: true })).toHaveClass(/govuk-input--error/);
    // What was typed stays.
    await expect(month.getByLabel("Month", { exact: true })).toHaveValue("9");
    await expect(meeting.getByLabel("Day", { exact: true })).toHaveValue("31");
    await expectAccessible(page);
    await shoot(page, "open-period-errors");

    // The summary's link takes focus to the box to fix.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(month.getByLabel("Year", { exact: true })).toBeFocused();
  });
});
