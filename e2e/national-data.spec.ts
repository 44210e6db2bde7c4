// DfE's published comparators: an administrator uploads a LAIT file and the statistical neighbours
// (a release already loaded imports as unchanged; a bad file is refused with row, column and reason),
// links an indicator on the mapping screen, and the published pack shows England, the region and
// the neighbours' average, each with its own year. Figures checked by hand against DfE's file.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";

const DATA = path.resolve(import.meta.dirname, "../prisma/seed/data/national");

test("an administrator imports DfE's figures and neighbours, and a bad file is refused with its row and column", async ({ page }) => {
  // 21,760 rows are read and compared with what is stored: allow for a busy machine.
  test.setTimeout(180_000);
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "DfE national data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DfE national data" })).toBeVisible();
  await expect(page.getByText("This council is fictional: it uses Sheffield's statistical neighbours and region")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Upload a file").setInputFiles({
    name: "statistical-neighbours-2025.csv",
    mimeType: "text/csv",
    buffer: fs.readFileSync(path.join(DATA, "statistical-neighbours-2025.csv")),
  });
  await page.getByRole("button", { name: "Upload and check the file" }).click();
  await expect(page.getByText("Statistical neighbours imported: 1,580 rows, 0 new, 0 changed, 1,580 unchanged")).toBeVisible();

  await page
    .getByLabel("Upload a file")
    .setInputFiles({ name: "lait.csv", mimeType: "text/csv", buffer: fs.readFileSync(path.join(DATA, "lait-children-social-care.csv")) });
  await page.getByRole("button", { name: "Upload and check the file" }).click();
  await expect(page.getByText("LAIT figures imported: 21,760 rows, 0 new, 0 changed, 21,760 unchanged")).toBeVisible({ timeout: 120_000 });
  await expectAccessible(page);

  const bad =
    "measure_code,year,area_name,la_number,region,value\nCPP_rate,2019,England,970,,44.5\nNOT_A_CODE,2019,England,970,,1\nLAC,2019,England,970,,lots\n";
  await page.getByLabel("Upload a file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Upload and check the file" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText('Row 3, column measure_code (A): "NOT_A_CODE" is not a measure code');
  await expect(summary).toContainText('Row 4, column value (F): "lots" is neither a number nor one of DfE\'s symbols');
  await expectAccessible(page);
  const audits = await query<{ n: number }>(
    `select count(*)::int as n from "AuditEvent" where action = 'national.imported' and after->>'fileName' = 'bad.csv'`,
  );
  expect(audits[0].n).toBe(0);
});

test("the mapping screen links an indicator to a measure of the same unit and polarity", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/admin/national/links");
  await expect(page.getByRole("heading", { level: 1, name: "Link indicators to DfE measures" })).toBeVisible();
  const row = page.getByRole("row", { name: /Children in need per 10,000/ });
  await expect(row).toContainText("rate per 10,000, neither");
  const select = row.getByLabel("DfE measure for CIN_RATE_10K");
  await expect(select).toHaveValue("CIN");
  // Only measures of the same unit and polarity are offered: no percentages for a rate.
  await expect(select.locator("option", { hasText: "ReReferral" })).toHaveCount(0);
  await expectAccessible(page);

  await select.selectOption("");
  await row.getByRole("button", { name: "Save the link for CIN_RATE_10K" }).click();
  await expect(row.getByRole("status")).toHaveText("CIN_RATE_10K is no longer linked");
  await select.selectOption("CIN");
  await row.getByRole("button", { name: "Save the link for CIN_RATE_10K" }).click();
  await expect(row.getByRole("status")).toHaveText("CIN_RATE_10K is now compared with CIN");
  expect(
    (await query<{ code: string | null }>(`select "nationalMeasureCode" as code from "Indicator" where code = 'CIN_RATE_10K'`))[0].code,
  ).toBe("CIN");
});

test("the published pack shows England, the region and the neighbours' average, each with its year", async ({ page }) => {
  // The whole 32-indicator pack is checked with axe: allow for a busy machine.
  test.setTimeout(180_000);
  await signInAs(page, ACCOUNTS.panel);
  await page.goto("/packs/2019-07");
  // DfE's file, rows 29570 (England 44.5), 29573 (Yorkshire and the Humber 50.2) and the ten
  // neighbours of Sheffield (rows 29421-29547): mean 61.8.
  const detail = (name: string) => page.locator("table.app-pack-detail tbody tr", { has: page.getByRole("rowheader", { name }) });
  const cp = detail("Child protection plans per 10,000");
  await expect(cp).toContainText("England at 31 March 2019: 44.5");
  await expect(cp).toContainText("Yorkshire and the Humber at 31 March 2019: 50.2");
  await expect(cp).toContainText("Statistical neighbours at 31 March 2019: 61.8 (10 of 10 neighbours)");
  // Rows 70200 (22.6) and 70203 (24.6); neighbours' mean 21.29.
  const rereferrals = detail("Re-referrals within 12 months");
  await expect(rereferrals).toContainText("England 2018-19: 22.6%");
  await expect(rereferrals).toContainText("Yorkshire and the Humber 2018-19: 24.6%");
  await expect(rereferrals).toContainText("Statistical neighbours 2018-19: 21.3% (10 of 10 neighbours)");
  await expectAccessible(page);
});
