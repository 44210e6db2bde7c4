// Periods and the value grid: opening a month, the period's task list, entering figures with
// ownership, validation, "not available", conflicts, history, keyboard use and read-only views.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";
import { dateGroup, fillDate } from "./date-input";

const MONTH = "2019-08";
const GRID = `/periods/${MONTH}/values`;
const REFERRALS = "Referrals to children's social care";
const REREFERRALS = "Re-referrals within 12 months";
const CIN_NEW = "New child in need (CIN) cases";
const CIN_OPEN = "Children in need at month end";
const CP_PLANS = "Children on a child protection plan";
// The demo's August 2019 figures this spec changes; put back afterwards for the journey specs.
const ORIGINAL: Record<string, number> = { REFERRALS: 320, REREFERRALS_12M_PCT: 24.4, CIN_NEW: 110, CIN_OPEN: 2533 };
let openedMonth: string | null = null;
// A month before the demo's history, made by the "Revised" test and removed afterwards.
const REVISED_MONTH = "2017-05";

type Stored = { value: number | null; notAvailableReason: string | null; revision: number; revisedAfterSubmission: boolean };
const stored = (code: string, month = MONTH) =>
  one<Stored>(
    `select v.value, v."notAvailableReason", v.revision, v."revisedAfterSubmission" from "IndicatorValue" v
       join "Indicator" i on i.id = v."indicatorId" join "Period" p on p.id = v."periodId" where i.code = $1 and p.month = $2`,
    [code, month],
  );

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

const sectionRegion = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name.replace(/[/()]/g, "\\$&")}`) });

test.afterAll(async () => {
  for (const [code, value] of Object.entries(ORIGINAL)) {
    await query(
      `update "IndicatorValue" v set value = $2, "notAvailableReason" = null, "revisedAfterSubmission" = false
         from "Indicator" i, "Period" p where i.id = v."indicatorId" and p.id = v."periodId" and i.code = $1 and p.month = $3`,
      [code, value, MONTH],
    );
  }
  if (openedMonth) await query(`delete from "Period" where month = $1 and status = 'OPEN'`, [openedMonth]);
  await query(`delete from "Period" where month = $1`, [REVISED_MONTH]);
});

test("an administrator opens a period, refused first for a future, malformed and repeated month", async ({ page }) => {
  // The first month from September 2019 that nobody has opened (2019-09 unless another spec took it).
  const taken = new Set((await query<{ month: string }>(`select month from "Period"`)).map((r) => r.month));
  let month = "2019-09";
  while (taken.has(month))
    month = `${Number(month.slice(0, 4)) + (month.endsWith("12") ? 1 : 0)}-${String((Number(month.slice(5)) % 12) + 1).padStart(2, "0")}`;
  const [y, m] = month.split("-").map(Number);
  const meeting = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, "0")}-24`;
  const label = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  const indicators = Number((await one<{ n: string }>(`select count(*) as n from "Indicator" where active`)).n);

  await as(page, ACCOUNTS.admin);
  await page.goto("/periods");
  await expect(page.getByRole("heading", { level: 1, name: "Periods" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Periods", exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // Next month, whenever the test runs (a fixed "future" month stops being one).
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const future = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, "0")}`;
  const futureLabel = next.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  const summary = page.locator(".govuk-error-summary");
  await fillDate(page, "Month", future);
  await fillDate(page, "Panel meeting date", `${next.getUTCFullYear() + 1}-01-28`);
  await page.getByRole("button", { name: "Open period" }).click();
  await expect(summary).toContainText(`${futureLabel} has not started yet`);
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#open-month-month");
  await expect(dateGroup(page, "Month").getByLabel("Month", { exact: true })).toHaveValue(String(next.getUTCMonth() + 1));
  await expect(dateGroup(page, "Month").getByLabel("Year", { exact: true })).toHaveValue(String(next.getUTCFullYear()));
  await expectAccessible(page);

  await fillDate(page, "Month", "2019-13");
  await page.getByRole("button", { name: "Open period" }).click();
  await expect(summary).toContainText("Month must be a real month");

  await fillDate(page, "Month", MONTH);
  await fillDate(page, "Panel meeting date", "2019-09-26");
  await page.getByRole("button", { name: "Open period" }).click();
  await expect(summary).toContainText("August 2019 has already been opened");
  expect(await query(`select 1 from "Period" where month in ($1, '2019-13')`, [future])).toHaveLength(0);

  await fillDate(page, "Month", month);
  await fillDate(page, "Panel meeting date", meeting);
  await page.getByRole("button", { name: "Open period" }).click();
  await expect(page).toHaveURL(`/periods/${month}?opened=1`);
  openedMonth = month;
  await expect(page.getByText(`${label} is open for figures and commentary`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  await expect(page.locator(".govuk-summary-list")).toContainText("Open");
  await expect(page.locator(".govuk-summary-list")).toContainText(
    new Date(`${meeting}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  );
  const values = page.locator(".govuk-task-list__item", { hasText: "Values" });
  await expect(values.getByRole("link", { name: "Values" })).toHaveAttribute("href", `/periods/${month}/values`);
  await expect(values).toContainText(`0 of ${indicators} indicators have a value, ${indicators} missing`);
  await expect(values).toContainText("Not started");
  for (const section of ["Demand", "Timescales / Child protection", "Corporate parenting / Children looked after", "Care leavers"]) {
    const item = page.locator(".govuk-task-list__item", { hasText: section });
    await expect(item).toContainText("Not started");
  }
  await expect(page.getByRole("link", { name: "Demand" })).toHaveAttribute("href", `/periods/${month}/sections/demand`);
  await expect(page.getByRole("button", { name: "Import values" })).toHaveAttribute("href", `/periods/${month}/import`);
  await expectAccessible(page);

  const row = await one<{ status: string; panel: string; opener: string }>(
    `select p.status, to_char(p."panelMeetingDate", 'YYYY-MM-DD') as panel, u.email as opener from "Period" p join "User" u on u.id = p."openedById" where p.month = $1`,
    [month],
  );
  expect(row).toEqual({ status: "OPEN", panel: meeting, opener: ACCOUNTS.admin });
  expect(await query(`select 1 from "AuditEvent" where action = 'period.opened' and "periodMonth" = $1`, [month])).toHaveLength(1);

  await page.goto("/periods");
  const periodRow = (name: string) => page.locator("tbody tr", { has: page.getByRole("link", { name, exact: true }) });
  const listed = periodRow(label);
  await expect(listed).toContainText("Open");
  await expect(listed).toContainText(`0 of ${indicators}`);
  const months = await page.locator("tbody th a").allTextContents();
  expect(months.indexOf(label)).toBeLessThan(months.indexOf("August 2019"));
  await expect(periodRow("August 2019")).toContainText(`of ${indicators}`);
});

test("a service lead saves a figure in their own section and sees its history", async ({ page }) => {
  await as(page, ACCOUNTS.leadDemand);
  await page.goto(GRID);
  await expect(page.getByRole("heading", { level: 1, name: "Values" })).toBeVisible();
  await expectAccessible(page);
  const before = await stored("REFERRALS");
  const input = page.getByLabel(`This month value for ${REFERRALS}`);
  await expect(input).toHaveValue(String(ORIGINAL.REFERRALS));
  await input.fill("321");
  await page.getByRole("button", { name: `Save ${REFERRALS}` }).click();
  await expect(page.locator("#row-REFERRALS").getByRole("status")).toContainText("Saved at");
  expect(await stored("REFERRALS")).toMatchObject({ value: 321, revision: before.revision + 1, notAvailableReason: null });
  const revision = await one<{ oldValue: number; newValue: number; actorName: string; source: string }>(
    `select r."oldValue", r."newValue", r."actorName", r.source from "ValueRevision" r join "IndicatorValue" v on v.id = r."valueId"
       join "Indicator" i on i.id = v."indicatorId" join "Period" p on p.id = v."periodId" where i.code = 'REFERRALS' and p.month = $1 order by r.revision desc limit 1`,
    [MONTH],
  );
  expect(revision).toEqual({ oldValue: 320, newValue: 321, actorName: "Dana Price", source: "ENTRY" });
  expect(
    await query(
      `select 1 from "AuditEvent" a join "User" u on u.id = a."actorId" where a.action = 'value.changed' and a."periodMonth" = $1 and u.email = $2`,
      [MONTH, ACCOUNTS.leadDemand],
    ),
  ).not.toHaveLength(0);
  // The row's judgement follows the new figure once saved.
  await expect(page.locator("#row-REFERRALS")).toContainText("▼ Down 138 (30.1%)");

  await page.getByRole("link", { name: `History of ${REFERRALS}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: REFERRALS })).toBeVisible();
  const change = page.getByRole("row", { name: /Dana Price/ }).first();
  await expect(change).toContainText("320");
  await expect(change).toContainText("321");
  await expect(change).toContainText("Entered");
  await expectAccessible(page);

  // Someone else's section is text, not inputs.
  await page.goto(GRID);
  const cp = sectionRegion(page, "Timescales / Child protection");
  await expect(cp.getByRole("row", { name: new RegExp(CP_PLANS) })).toContainText("456");
  await expect(cp.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByLabel(`This month value for ${CP_PLANS}`)).toHaveCount(0);
  await expect(sectionRegion(page, "Demand").getByRole("textbox")).not.toHaveCount(0);
});

test("a forged save for another lead's indicator is refused and changes nothing", async ({ page }) => {
  await as(page, ACCOUNTS.leadDemand);
  await page.goto(GRID);
  const cpPlans = await one<{ id: string }>(`select id from "Indicator" where code = 'CP_PLANS'`);
  const before = await stored("CP_PLANS");
  await page.getByLabel(`This month value for ${REFERRALS}`).fill("999");
  // Point the Referrals row's form at Children on a child protection plan, as a forged post would.
  await page.locator("#row-REFERRALS input[name=indicatorId]").evaluate((el, id) => ((el as HTMLInputElement).value = id), cpPlans.id);
  await page.getByRole("button", { name: `Save ${REFERRALS}` }).click();
  await expect(page.locator("#row-REFERRALS .govuk-error-message")).toContainText(
    "You cannot change figures in Timescales / Child protection",
  );
  expect(await stored("CP_PLANS")).toEqual(before);
});

test("an invalid figure shows an error naming the indicator; not available needs a reason", async ({ page }) => {
  await as(page, ACCOUNTS.leadDemand);
  await page.goto(GRID);
  const before = await stored("REFERRALS");
  const input = page.getByLabel(`This month value for ${REFERRALS}`);
  await input.fill("12.5");
  await input.press("Enter");
  const message = `${REFERRALS}: must be a whole number (got 12.5)`;
  await expect(page.locator("#row-REFERRALS .govuk-error-message")).toContainText(message);
  const summaryLink = page.locator(".govuk-error-summary").getByRole("link", { name: message });
  await expect(summaryLink).toHaveAttribute("href", "#value-REFERRALS");
  await expect(input).toHaveAttribute("aria-describedby", /value-REFERRALS-error/);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("12.5");
  await expectAccessible(page);
  expect(await stored("REFERRALS")).toEqual(before);

  const na = page.getByLabel(`Not available for ${REREFERRALS}`);
  await na.check();
  await page.getByRole("button", { name: `Save ${REREFERRALS}` }).click();
  await expect(page.locator("#row-REREFERRALS_12M_PCT .govuk-error-message")).toContainText(
    `Enter why the figure for ${REREFERRALS} is not available`,
  );
  await expect(
    page
      .locator(".govuk-error-summary")
      .getByRole("link", { name: `Enter why the figure for ${REREFERRALS} is not available`, exact: true }),
  ).toHaveAttribute("href", "#reason-REREFERRALS_12M_PCT");
  await expect(page.getByLabel(`Reason the figure for ${REREFERRALS} is not available`)).toBeFocused();
  await page.getByLabel(`Reason the figure for ${REREFERRALS} is not available`).fill("Case system outage on 30 August");
  await page.getByRole("button", { name: `Save ${REREFERRALS}` }).click();
  await expect(page.locator("#row-REREFERRALS_12M_PCT").getByRole("status")).toContainText("Saved at");
  expect(await stored("REREFERRALS_12M_PCT")).toMatchObject({ value: null, notAvailableReason: "Case system outage on 30 August" });
  // The summary no longer lists the fixed row; the unfixed one stays.
  await expect(page.locator(".govuk-error-summary")).not.toContainText(REREFERRALS);
  await expect(page.locator(".govuk-error-summary")).toContainText(message);

  await page.reload();
  await expect(page.getByLabel(`Not available for ${REREFERRALS}`)).toBeChecked();
  await expect(page.getByLabel(`Reason the figure for ${REREFERRALS} is not available`)).toHaveValue("Case system outage on 30 August");
  await page.getByLabel(`Not available for ${REREFERRALS}`).uncheck();
  await page.getByLabel(`This month value for ${REREFERRALS}`).fill("24.4");
  await page.getByRole("button", { name: `Save ${REREFERRALS}` }).click();
  await expect(page.locator("#row-REREFERRALS_12M_PCT").getByRole("status")).toContainText("Saved at");
  expect(await stored("REREFERRALS_12M_PCT")).toMatchObject({ value: 24.4, notAvailableReason: null });
});

test("of two editors saving the same figure, the second keeps their figure and is shown the first's", async ({ page, browser }) => {
  await as(page, ACCOUNTS.admin);
  await page.goto(GRID);
  const lead = await browser.newPage();
  await signInAs(lead, ACCOUNTS.leadDemand);
  await lead.goto(GRID);

  await lead.getByLabel(`This month value for ${CIN_NEW}`).fill("111");
  await lead.getByRole("button", { name: `Save ${CIN_NEW}` }).click();
  await expect(lead.locator("#row-CIN_NEW").getByRole("status")).toContainText("Saved at");

  const input = page.getByLabel(`This month value for ${CIN_NEW}`);
  await input.fill("112");
  await page.getByRole("button", { name: `Save ${CIN_NEW}` }).click();
  const error = page.locator("#row-CIN_NEW .govuk-error-message");
  await expect(error).toContainText(`${CIN_NEW}: Someone else changed this value while you were editing it`);
  await expect(error).toContainText("Dana Price saved 111");
  await expect(input).toHaveValue("112");
  expect((await stored("CIN_NEW")).value).toBe(111);

  // Having seen theirs, saving again is a deliberate overwrite.
  await page.getByRole("button", { name: `Save ${CIN_NEW}` }).click();
  await expect(page.locator("#row-CIN_NEW").getByRole("status")).toContainText("Saved at");
  expect((await stored("CIN_NEW")).value).toBe(112);
  await lead.close();
});

test("a figure entered after commentary was first submitted is marked Revised", async ({ page }) => {
  await query(
    `insert into "Period" (id, month, "panelMeetingDate", status, "commentaryFirstSubmittedAt", "updatedAt")
       values (gen_random_uuid(), $1, '2017-06-22', 'OPEN', now(), now()) on conflict do nothing`,
    [REVISED_MONTH],
  );
  await as(page, ACCOUNTS.admin);
  await page.goto(`/periods/${REVISED_MONTH}/values`);
  await expect(page.getByText("any figure you change now is marked “Revised”")).toBeVisible();
  await page.getByLabel(`This month value for ${CP_PLANS}`).fill("400");
  await page.getByRole("button", { name: `Save ${CP_PLANS}` }).click();
  await expect(page.locator("#row-CP_PLANS .govuk-tag", { hasText: "Revised" })).toBeVisible();
  expect(await stored("CP_PLANS", REVISED_MONTH)).toMatchObject({ value: 400, revisedAfterSubmission: true });
  await expectAccessible(page);
  await page.goto(`/periods/${REVISED_MONTH}`);
  await expect(page.locator(".govuk-task-list__item", { hasText: "Values" })).toContainText("1 revised after commentary was submitted");
  await expect(page.locator(".govuk-task-list__item", { hasText: "Values" })).toContainText("Incomplete");
});

test("a service lead enters a figure with the keyboard alone", async ({ page }) => {
  await as(page, ACCOUNTS.leadDemand);
  await page.goto(GRID);
  const input = page.getByLabel(`This month value for ${CIN_OPEN}`);
  await page.keyboard.press("Tab");
  for (let i = 0; i < 150 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(input).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("2534");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Save ${CIN_OPEN}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#row-CIN_OPEN").getByRole("status")).toContainText("Saved at");
  // Focus stays on the Save button through the save (aria-disabled, not disabled, while it runs),
  // and the result is in the row's live status region.
  await expect(page.getByRole("button", { name: `Save ${CIN_OPEN}` })).toBeFocused();
  expect((await stored("CIN_OPEN")).value).toBe(2534);
});

test("the director reads the grid; a published month is read-only; unknown months 404; the panel is refused", async ({ page }) => {
  await as(page, ACCOUNTS.director);
  await page.goto(GRID);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  const assess = page.getByRole("row", { name: /Assessments completed within 45 working days/ });
  await expect(assess).toContainText("58.0%");
  await expect(assess.locator(".govuk-tag")).toHaveText(/Red|Amber|Green/);
  await expect(assess).toContainText(/Up .*(better|worse)|Down .*(better|worse)|About the same/);
  await expect(assess.locator("[aria-hidden=true]").first()).toHaveText(/[▲▼►–]/);
  await expectAccessible(page);

  await as(page, ACCOUNTS.admin);
  await page.goto("/periods/2019-07/values");
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.locator(".govuk-inset-text")).toContainText("cannot change");
  await page.goto("/periods/2019-07");
  await expect(page.getByRole("button", { name: "Import values" })).toHaveCount(0);
  await expect(page.locator(".govuk-summary-list")).toContainText("Published");

  for (const path of ["/periods/2099-01", "/periods/not-a-month/values", "/periods/2019-08/values/NO_SUCH_CODE"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await as(page, ACCOUNTS.panel);
  expect((await page.goto("/periods"))?.status()).toBe(403);
  expect((await page.goto(GRID))?.status()).toBe(403);
});
