// The history import: an administrator loads two years of a council's figures in one go, from a wide
// scorecard saved by LibreOffice Calc (test/fixtures), checks the per-month preview and confirms;
// the months appear as history on the periods page. A file with a row for a published month is
// refused with its row, column and reason, and writes nothing.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";

const FIXTURE = path.resolve(import.meta.dirname, "../test/fixtures/history-24-months-libreoffice.xlsx");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FIRST = "2000-04";
const LAST = "2002-03";

const historyMonths = () =>
  query<{ month: string; status: string; values: number }>(
    `select p.month, p.status::text as status, count(v.id)::int as values from "Period" p left join "IndicatorValue" v on v."periodId" = p.id
    where p.month between $1 and $2 group by p.id order by p.month`,
    [FIRST, LAST],
  );

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.getByLabel("Upload a file").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Upload and check the file" }).click();
}

test.beforeAll(async () => {
  expect(await historyMonths()).toEqual([]);
});

test.afterAll(async () => {
  // Leave the demo as it was for the specs after this one.
  await query(`delete from "Period" where month between $1 and $2 and status = 'HISTORY'`, [FIRST, LAST]);
});

test("an administrator imports 24 months of history from a LibreOffice scorecard in one file", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/periods");
  await page.getByRole("link", { name: "Import figures for many months" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import figures for many months" })).toBeVisible();
  await expectAccessible(page);

  await upload(page, "scorecard-2000-2002.xlsx", fs.readFileSync(FIXTURE), XLSX);
  await expect(page).toHaveURL(/\/periods\/history-import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your file" })).toBeVisible();
  const months = page.getByRole("table", { name: "What the import would do, month by month" });
  await expect(months.locator("tbody tr")).toHaveCount(24);
  await expect(months.locator("tbody tr").first()).toContainText("April 2000New history month32000");
  await expect(months.locator("tbody tr").last()).toContainText("March 2002New history month32000");
  await expectAccessible(page);
  expect(await historyMonths()).toEqual([]);

  await page.getByRole("button", { name: "Confirm import of 24 months" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "768 values imported" })).toBeVisible();
  await expect(page.getByText("into 24 months")).toBeVisible();
  await expectAccessible(page);

  const stored = await historyMonths();
  expect(stored).toHaveLength(24);
  expect(stored.every((m) => m.status === "HISTORY" && m.values === 32)).toBe(true);
  const audits = await query<{ n: number }>(
    `select count(*)::int as n from "AuditEvent" where action = 'values.imported' and "periodMonth" between $1 and $2`,
    [FIRST, LAST],
  );
  expect(audits[0].n).toBe(24);

  await page.goto("/periods");
  const april = page.locator("tbody tr", { has: page.getByRole("link", { name: "April 2000", exact: true }) });
  await expect(april).toContainText("History");
  await expect(april).toContainText("32 of 32");
  await page.getByRole("link", { name: "April 2000", exact: true }).click();
  await expect(page.getByText("April 2000 is a history month")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Commentary" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a history file with a row for a published month is refused with its row, column and reason", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/periods/history-import");
  await upload(page, "with-published.csv", Buffer.from("indicator_code,Mar-03,May-19\nCONTACTS,1200,1300\n"), "text/csv");
  await expect(page.getByRole("heading", { level: 1, name: "There are errors in your file" })).toBeVisible();
  await expect(page.locator(".govuk-error-summary")).toContainText(
    "Row 2, column May-19: the May 2019 pack is published, so its figures cannot change here",
  );
  await expect(page.getByRole("button", { name: /Confirm import/ })).toHaveCount(0);
  await expectAccessible(page);
  expect(await query(`select 1 from "Period" where month = '2003-03'`)).toEqual([]);
});

test("the period and section pages name the earlier months with no figures, with a link to import them", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/periods/2018-04");
  const notice = page.locator("#missing-months");
  await expect(notice).toContainText("May 2016 to March 2018 have no figures: trends and \u2018on last month\u2019 are incomplete");
  await expect(notice.getByRole("link", { name: "Import figures for those months" })).toHaveAttribute("href", "/periods/history-import");
  await expectAccessible(page);
  await page.goto("/periods/2018-04/sections/demand");
  await expect(page.getByText("May 2016 to March 2018 have no figures")).toBeVisible();
  // A later month names only the months still missing from its 24.
  await page.goto("/periods/2019-08");
  await expect(page.locator("#missing-months")).toContainText("September 2017 to March 2018 have no figures");
});
