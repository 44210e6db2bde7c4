// Figures computed from the council's Annex A lists: the administrator uploads the shared sample for
// March 2020 by keyboard, checks the figures and the data-quality report, confirms, and March's values
// and the pack preview show each figure with where it came from. A file that is not a workbook is
// refused with its reason; other roles are refused by the route.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";

const MONTH = "2020-03";
const SAMPLE = path.resolve(import.meta.dirname, "../prisma/seed/data/annex-a/sample-2020-03.xlsx");
const EXPECTED = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../prisma/seed/data/annex-a/sample-2020-03.expected.json"), "utf8"),
) as { figures: Record<string, number> };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let createdPeriod = false;

test.beforeAll(async () => {
  const inserted = await query(
    `insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2020-04-23', now()) on conflict (month) do nothing returning id`,
    [MONTH],
  );
  createdPeriod = inserted.length === 1;
});

test.afterAll(async () => {
  if (createdPeriod) await query(`delete from "Period" where month = $1`, [MONTH]);
});

/** Types into a GOV.UK date input's three boxes from the keyboard. */
async function typeDate(page: Page, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole("group", { name: legend });
  for (const [label, text] of [
    ["Day", day],
    ["Month", month],
    ["Year", year],
  ] as const) {
    const box = group.getByLabel(label, { exact: true });
    await box.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text);
  }
}

test("an administrator computes March 2020's figures from the sample lists, by keyboard, and confirms them", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto(`/periods/${MONTH}/import`);
  const start = page.getByRole("button", { name: "Compute figures from Annex A lists" });
  await start.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/periods/${MONTH}/import/annex-a`);
  await expect(page.getByRole("heading", { level: 1, name: "Compute figures from Annex A lists" })).toBeVisible();
  await expect(page.getByText("Rates per 10,000 use 50,000 children aged 0 to 17")).toBeVisible();
  await expectAccessible(page);

  // The as-at date defaults to the month's last day; the sample covers from 1 October 2018.
  await expect(page.getByRole("group", { name: "When were the lists extracted?" }).getByLabel("Day", { exact: true })).toHaveValue("31");
  await typeDate(page, "What date do the lists cover from?", ["1", "10", "2018"]);
  await page
    .getByLabel("Annex A workbook")
    .setInputFiles({ name: "annex-a-2020-03.xlsx", mimeType: XLSX, buffer: fs.readFileSync(SAMPLE) });
  await page.getByRole("button", { name: "Upload and compute the figures" }).focus();
  await page.keyboard.press("Enter");

  await page.waitForURL(new RegExp(`/periods/${MONTH}/import/annex-a/[0-9a-f-]{36}$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Check the figures from the Annex A lists" })).toBeVisible();
  const figures = page.getByRole("table", { name: "Figures from the lists" });
  const row = (code: string) => figures.getByRole("row").filter({ hasText: code });
  await expect(row("ASSESS_45WD_PCT")).toContainText("69.5%");
  await expect(row("ASSESS_45WD_PCT")).toContainText("244 of 351 assessments");
  await expect(row("CP_RATE_10K")).toContainText("118.6");
  await expect(row("CARE_LEAVERS_SUITABLE_ACCOM_PCT")).toContainText("93 of 100 care leavers aged 19 to 21");
  await expect(figures.getByRole("row")).toHaveCount(29);
  await expect(page.getByText("MASH_24H_PCT").or(page.getByText(/List 1 has no decision date/))).toBeVisible();
  const lists = page.getByRole("table", { name: "Rows read from each list" });
  await expect(lists.getByRole("row", { name: /List 1/ })).toContainText("31,239");
  const problems = page.getByRole("table", { name: /Problems found in the lists/ });
  await expect(problems.getByRole("row").nth(1)).toContainText("Date of Contact");
  await expectAccessible(page);

  // Confirm, by keyboard.
  await page.getByRole("button", { name: "Confirm the computed figures" }).focus();
  await page.keyboard.press("Enter");
  const panel = page.locator(".govuk-panel--confirmation");
  await expect(panel).toContainText("Computed figures imported");
  await expect(panel).toBeFocused();
  await expectAccessible(page);

  const stored = await query<{ code: string; value: number; provenance: { fileSha256: string; words: string } | null }>(
    `select i.code, v.value, v.provenance from "IndicatorValue" v join "Indicator" i on i.id = v."indicatorId" join "Period" p on p.id = v."periodId" where p.month = $1`,
    [MONTH],
  );
  expect(Object.fromEntries(stored.map((s) => [s.code, s.value]))).toMatchObject(EXPECTED.figures);
  expect(stored.filter((s) => s.provenance === null).map((s) => s.code)).toEqual([]);
  const sha = stored[0].provenance!.fileSha256;

  // March's values: each computed figure says so, and its history page gives the working and the file.
  await page.goto(`/periods/${MONTH}/values`);
  await expect(page.locator("#row-ASSESS_45WD_PCT")).toContainText("Computed");
  await page.goto(`/periods/${MONTH}/values/ASSESS_45WD_PCT`);
  await expect(page.locator(".govuk-summary-list")).toContainText("Computed from Annex A lists as at 31 March 2020");
  await expect(page.locator(".govuk-summary-list")).toContainText("244 of 351 assessments");
  await expect(page.locator(".govuk-summary-list")).toContainText(sha);
  await expectAccessible(page);

  // The pack preview's definitions carry it for each computed figure.
  await page.goto(`/packs/${MONTH}?preview=1`);
  const definitions = page.locator(".app-pack-definitions");
  await expect(definitions).toContainText(`computed from Annex A lists as at 31 March 2020 (file SHA-256 ${sha.slice(0, 12)}`);
  await expect(definitions).toContainText("244 of 351 assessments");
});

test("a file that is not a workbook is refused with its reason, and nothing is kept", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  const before = await one<{ n: number }>(`select count(*)::int as n from "ImportBatch"`);
  await page.goto(`/periods/${MONTH}/import/annex-a`);
  await page
    .getByLabel("Annex A workbook")
    .setInputFiles({ name: "lists.xlsx", mimeType: XLSX, buffer: Buffer.from("Child Unique ID,Date of Contact\n1,01/03/2020\n") });
  await page.getByRole("button", { name: "Upload and compute the figures" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("The selected file must be an Excel workbook (.xlsx) with one sheet per list");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await typeDate(page, "When were the lists extracted?", ["15", "3", "2020"]);
  await page.getByLabel("Annex A workbook").setInputFiles({ name: "annex-a.xlsx", mimeType: XLSX, buffer: fs.readFileSync(SAMPLE) });
  await page.getByRole("button", { name: "Upload and compute the figures" }).click();
  await expect(summary).toContainText("The lists must be extracted on or after the month's last day, 31 March 2020");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#asAt-day");
  expect(await one<{ n: number }>(`select count(*)::int as n from "ImportBatch"`)).toEqual(before);
});

test("only an administrator may upload Annex A lists", async ({ page }) => {
  for (const account of [ACCOUNTS.leadDemand, ACCOUNTS.director, ACCOUNTS.panel]) {
    await page.context().clearCookies();
    await signInAs(page, account);
    const res = await page.request.post(`/api/periods/${MONTH}/annex-a`, {
      headers: { Accept: "application/json" },
      multipart: { file: { name: "a.xlsx", mimeType: XLSX, buffer: fs.readFileSync(SAMPLE) }, asAt: "2020-03-31" },
    });
    expect(res.status()).toBe(403);
  }
  await page.context().clearCookies();
  const signedOut = await page.request.post(`/api/periods/${MONTH}/annex-a`, {
    headers: { Accept: "application/json" },
    multipart: { asAt: "2020-03-31" },
  });
  expect(signedOut.status()).toBe(401);
});

test("a script gets the figures and the data-quality report as JSON", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  const res = await page.request.post(`/api/periods/${MONTH}/annex-a`, {
    headers: { Accept: "application/json" },
    multipart: {
      file: { name: "annex-a.xlsx", mimeType: XLSX, buffer: fs.readFileSync(SAMPLE) },
      asAt: "2020-04-04",
      coversFrom: "2019-05-01",
    },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { figures: { code: string }[]; quality: { lists: unknown[] } };
  expect(body).toMatchObject({ ok: true, url: expect.stringMatching(new RegExp(`^/periods/${MONTH}/import/annex-a/[0-9a-f-]{36}$`)) });
  const figure = (code: string) => body.figures.find((f) => f.code === code);
  expect(figure("CONTACTS")).toEqual({
    code: "CONTACTS",
    value: 1780,
    numerator: 1780,
    denominator: null,
    reason: null,
    words: "1,780 contacts",
  });
  expect(figure("REFERRALS_RATE_10K")).toMatchObject({
    value: null,
    reason: "the lists cover from 1 May 2019; this figure needs 1 April 2019",
  });
  expect(figure("CP_VISITS_TIMELY_PCT")).toMatchObject({ value: null, reason: "last visits are as at 4 April 2020, not 31 March 2020" });
  expect(body.quality.lists[0]).toMatchObject({ list: 1, rowsRead: 31239, duplicatesDropped: 1 });
});
