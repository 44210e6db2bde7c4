// The value import: an administrator uploads September 2019's figures as CSV and XLSX, checks the
// preview and confirms; a file with errors lists every one and changes nothing; other roles are
// refused by the pages and by the upload route handler.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";

const MONTH = "2019-09";
const UPLOAD = `/periods/${MONTH}/import`;
const API = `/api/periods/${MONTH}/imports`;
const CSV_TYPE = "text/csv";
let createdPeriod = false;

// September 2019 from the demo's own values.csv (code,period,value for all 24 months).
const DEMO_VALUES = fs
  .readFileSync(path.resolve(import.meta.dirname, "../prisma/seed/data/values.csv"), "utf8")
  .trim()
  .split(/\r?\n/);
const SEPTEMBER = DEMO_VALUES.slice(1)
  .map((l) => l.split(","))
  .filter(([, period]) => period === MONTH)
  .map(([code, , value]) => ({ code, value: Number(value) }));

type StoredValue = { code: string; value: number | null; revision: number; source: string };
const storedValues = () =>
  query<StoredValue>(
    `select i.code, v.value, v.revision, v.source::text as source from "IndicatorValue" v join "Indicator" i on i.id = v."indicatorId"
       join "Period" p on p.id = v."periodId" where p.month = $1 order by i.code`,
    [MONTH],
  );

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType = CSV_TYPE) {
  await page.getByLabel("Upload a file").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Upload and check the file" }).click();
}

const summaryValue = (page: Page, key: string) =>
  page.locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) }).locator("dd");

test.beforeAll(async () => {
  expect(SEPTEMBER).toHaveLength(32);
  const inserted = await query(
    `insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2019-10-24', now()) on conflict (month) do nothing returning id`,
    [MONTH],
  );
  createdPeriod = inserted.length === 1;
  // Another spec may have opened it first; the journey below needs it empty.
  expect(await storedValues()).toEqual([]);
});

test.afterAll(async () => {
  // Leave the demo as it was for the specs after this one (values and batches go with the period).
  if (createdPeriod) await query(`delete from "Period" where month = $1`, [MONTH]);
});

test("an administrator imports September 2019 from a CSV: preview, confirm, and the values are stored", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  await page.goto(`/periods/${MONTH}`);
  await page.getByRole("button", { name: "Import values" }).click();
  await expect(page).toHaveURL(UPLOAD);
  await expect(page.getByRole("heading", { level: 1, name: "Import values" })).toBeVisible();
  await expect(page.getByText("Only rows for September 2019 are imported")).toBeVisible();
  await expectAccessible(page);

  const csv = ["code,period,value", ...SEPTEMBER.map((r) => `${r.code},${MONTH},${r.value}`)].join("\r\n") + "\r\n";
  // The upload's status is a live region that is in the page, empty, before the upload starts: one
  // that appears with its first words is often not announced. Record each text it is given.
  const status = page.locator(".app-upload-progress [role=status][aria-live=polite]");
  await expect(status).toBeAttached();
  await expect(status).toHaveText("");
  expect(await status.evaluate((el) => el.closest("[hidden]") === null)).toBe(true);
  await status.evaluate((el) => {
    const seen: string[] = ((window as unknown as { __status: string[] }).__status = []);
    new MutationObserver(() => seen.push(el.textContent ?? "")).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await upload(page, "september-2019.csv", Buffer.from(csv));
  await page.waitForURL(/[0-9a-f-]{36}$/);
  // The client router opened the preview, so the page (and what the observer saw) is still there.
  expect(await page.evaluate(() => (window as unknown as { __status?: string[] }).__status)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^(Uploading: \d+%|Uploaded\. Checking every row of the file\.\.\.|Checked\. Opening the preview\.\.\.)$/),
    ]),
  );
  await expect(page).toHaveURL(new RegExp(`${UPLOAD}/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Check your file" })).toBeVisible();
  await expect(summaryValue(page, "New values")).toHaveText("32");
  await expect(summaryValue(page, "Changed values")).toHaveText("0");
  await expect(summaryValue(page, "Unchanged")).toHaveText("0");
  await expect(summaryValue(page, "Rows with errors")).toHaveText("0");
  await expect(page.locator("tbody tr")).toHaveCount(32);
  await expect(page.locator("tbody tr", { hasText: "CONTACTS" })).toContainText("New");
  await expectAccessible(page);
  const batchId = page.url().split("/").pop()!;
  expect(await storedValues()).toEqual([]);
  expect((await one<{ status: string }>(`select status::text as status from "ImportBatch" where id = $1`, [batchId])).status).toBe(
    "PENDING",
  );

  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "32 values imported" })).toBeVisible();
  await expect(page.locator(".govuk-panel--confirmation")).toBeFocused();
  await expect(page.getByRole("link", { name: "Check the values for September 2019" })).toHaveAttribute("href", `/periods/${MONTH}/values`);
  await expectAccessible(page);

  const stored = await storedValues();
  expect(stored).toHaveLength(32);
  expect(Object.fromEntries(stored.map((v) => [v.code, v.value]))).toEqual(Object.fromEntries(SEPTEMBER.map((r) => [r.code, r.value])));
  expect(stored.every((v) => v.source === "IMPORT" && v.revision === 1)).toBe(true);
  expect((await one<{ status: string }>(`select status::text as status from "ImportBatch" where id = $1`, [batchId])).status).toBe(
    "COMMITTED",
  );
  const audit = await one<{ after: { created: number; changed: number } }>(
    `select after from "AuditEvent" where action = 'values.imported' and "entityId" = $1`,
    [batchId],
  );
  expect(audit.after).toMatchObject({ created: 32, changed: 0 });
});

test("the demo's whole values.csv imports cleanly: this month's rows unchanged, other months left out", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  await page.goto(UPLOAD);
  await upload(page, "values.csv", Buffer.from(DEMO_VALUES.join("\n") + "\n"));
  await expect(page.getByRole("heading", { level: 1, name: "Check your file" })).toBeVisible();
  await expect(summaryValue(page, "Unchanged")).toHaveText("32");
  await expect(summaryValue(page, "Rows with errors")).toHaveText("0");
  await expect(summaryValue(page, "Rows for other months")).toContainText("736, left out (23 months from April 2018 to March 2020)");
  await expect(page.getByText("Every value in this file is already stored")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm import" })).toHaveCount(0);
  await page.getByRole("button", { name: "Upload a different file" }).click();
  await expect(page).toHaveURL(UPLOAD);
});

test("a file with errors lists every error with its row and column, and changes nothing", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  const before = await storedValues();
  await page.goto(UPLOAD);

  // Refused as a whole before any row is read: the server says why, beside the field.
  await upload(page, "semicolons.csv", Buffer.from("code;period;value\nCONTACTS;2019-09;1\n"));
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("The selected file separates columns with semicolons");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#import-file");
  await expect(page.locator("#import-file-error")).toContainText("semicolons");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await upload(page, "no-value.csv", Buffer.from("indicator_code,amount\nCONTACTS,1\n"));
  await expect(summary).toContainText("The selected file must have a value column in its first row");
  await upload(page, "empty.csv", Buffer.from("indicator_code,value\n"));
  await expect(summary).toContainText("has a header row but no rows of values");

  const bad = [
    "indicator_code,period,value,note",
    "CONTACTS,2019-09,12.5,", // 2: not a whole number
    "NOT_A_CODE,2019-09,3,", // 3: unknown code
    "ASSESS_45WD_PCT,2019-09,101,", // 4: out of range
    "CP_PLANS,Sept,4,", // 5: not a month
    "CLA_NUMBER,2019-09,,", // 6: empty value, no reason
    "CIN_OPEN,2019-09,2500,", // 7 and 8: duplicate
    "CIN_OPEN,2019-09,2501,",
    "REFERRALS,2019-09,999,", // 9: fine on its own, but the file has errors
  ].join("\n");
  await upload(page, "september-with-errors.csv", Buffer.from(bad));
  await expect(page.getByRole("heading", { level: 1, name: "There are errors in your file" })).toBeVisible();
  const expected = [
    ["import-row-2", "Row 2, column value: the value for CONTACTS must be a whole number (got 12.5)"],
    ["import-row-3", 'Row 3, column indicator_code: "NOT_A_CODE" is not an indicator code in the catalogue'],
    ["import-row-4", "Row 4, column value: the value for ASSESS_45WD_PCT is a percentage, so must be from 0 to 100 (got 101)"],
    ["import-row-5", 'Row 5, column period: "Sept" is not a month: write it as YYYY-MM, for example 2019-09'],
    ["import-row-6", "Row 6, column value: enter a value for CLA_NUMBER, or give the reason it is not available in the note column"],
    ["import-row-7", "Row 7, column indicator_code: CIN_OPEN appears twice for September 2019 (rows 7 and 8)"],
    ["import-row-8", "Row 8, column indicator_code: CIN_OPEN appears twice for September 2019 (rows 7 and 8)"],
  ];
  const links = summary.getByRole("link");
  await expect(links).toHaveText(expected.map(([, text]) => text));
  for (const [i, [anchor]] of expected.entries()) await expect(links.nth(i)).toHaveAttribute("href", `#${anchor}`);
  await expect(page.locator("#import-row-4")).toContainText("Error");
  await expect(summaryValue(page, "Rows with errors")).toHaveText("7");
  await expect(page.getByRole("button", { name: "Confirm import" })).toHaveCount(0);
  await expect(page.getByText("Nothing has been imported.")).toBeVisible();
  await expectAccessible(page);

  // The preview page's own form: the batch cannot be committed however it is asked.
  const batchId = page.url().split("/").pop()!;
  expect(await storedValues()).toEqual(before);
  await page.getByRole("button", { name: "Upload a different file" }).click();
  await expect(page).toHaveURL(UPLOAD);
  expect((await one<{ status: string }>(`select status::text as status from "ImportBatch" where id = $1`, [batchId])).status).toBe(
    "DISCARDED",
  );
  expect(await storedValues()).toEqual(before);
});

test("a long file's preview comes a page at a time: errors first, the first 100 listed, and the pages linked", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  await page.goto(UPLOAD);
  // 450 rows with an unknown code around two real ones: 452 rows, three pages of 200.
  const unknown = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `NOT_A_CODE_${from + i},2019-09,1,`);
  const csv = [
    "indicator_code,period,value,note",
    "CONTACTS,2019-09,1750,",
    ...unknown(0, 250),
    "REFERRALS,2019-09,999,",
    ...unknown(250, 450),
  ].join("\n");
  await upload(page, "long-with-errors.csv", Buffer.from(csv));
  await expect(page.getByRole("heading", { level: 1, name: "There are errors in your file" })).toBeVisible();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary.getByRole("link")).toHaveCount(100);
  await expect(summary.getByRole("link").first()).toHaveText(
    'Row 3, column indicator_code: "NOT_A_CODE_0" is not an indicator code in the catalogue',
  );
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#import-row-3");
  await expect(summary).toContainText("and 350 more: every row with an error comes first");
  await expect(summaryValue(page, "Rows with errors")).toHaveText("450");
  await expect(page.locator("tbody tr")).toHaveCount(200);
  await expect(page.locator("tbody tr").first()).toHaveAttribute("id", "import-row-3");
  await expect(page.getByText("Rows 1 to 200 of 452")).toBeVisible();
  await expectAccessible(page);

  const pages = page.getByRole("navigation", { name: "Pages of rows in the file" });
  await pages.getByRole("link", { name: "Page 3", exact: true }).click();
  await expect(page).toHaveURL(/\?page=3$/);
  await expect(page.getByText("Rows 401 to 452 of 452")).toBeVisible();
  // The last page: the last 50 errors, then the two real rows, in file order.
  const last = page.locator("tbody tr");
  await expect(last).toHaveCount(52);
  await expect(last.nth(49)).toHaveAttribute("id", "import-row-453");
  await expect(last.nth(50)).toContainText("CONTACTS");
  await expect(last.nth(51)).toContainText("REFERRALS");
  // From another page, the summary's links lead back to the page their row is on.
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", /\/import\/[0-9a-f-]+#import-row-3$/);
  await summary.getByRole("link").first().click();
  await expect(page.locator("#import-row-3")).toBeVisible();
  await expect(page.getByText("Rows 1 to 200 of 452")).toBeVisible();
});

test("an XLSX workbook imports: first sheet, percentage cells and dates as months", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("September");
  sheet.addRow(["Indicator code", "Period", "Value", "Note"]);
  sheet.addRow(["CONTACTS", new Date(Date.UTC(2019, 8, 1)), 1750, "Revised after late recording"]);
  sheet.addRow(["ASSESS_45WD_PCT", "2019-09", 0.612, null]).getCell(3).numFmt = "0.0%";
  workbook.addWorksheet("Notes").addRow(["CONTACTS", "2019-09", 1]);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto(UPLOAD);
  await upload(page, "september.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  await expect(page.getByRole("heading", { level: 1, name: "Check your file" })).toBeVisible();
  await expect(summaryValue(page, "Changed values")).toHaveText("2");
  const contacts = page.locator("tbody tr", { hasText: "CONTACTS" });
  const contactsBefore = SEPTEMBER.find((r) => r.code === "CONTACTS")!.value;
  await expect(contacts).toContainText(contactsBefore.toLocaleString("en-GB"));
  await expect(contacts).toContainText("1,750 (note: Revised after late recording)");
  await expect(contacts).toContainText("Changed");
  await expect(page.locator("tbody tr", { hasText: "ASSESS_45WD_PCT" })).toContainText("61.2%");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2 values imported" })).toBeVisible();

  const stored = Object.fromEntries((await storedValues()).map((v) => [v.code, v]));
  expect(stored.CONTACTS).toMatchObject({ value: 1750, revision: 2, source: "IMPORT" });
  expect(stored.ASSESS_45WD_PCT).toMatchObject({ value: 61.2, revision: 2 });
  const revisions = await query<{ revision: number; oldValue: number; newValue: number }>(
    `select r.revision, r."oldValue", r."newValue" from "ValueRevision" r join "IndicatorValue" v on v.id = r."valueId"
       join "Indicator" i on i.id = v."indicatorId" join "Period" p on p.id = v."periodId" where i.code = 'CONTACTS' and p.month = $1 order by r.revision`,
    [MONTH],
  );
  expect(revisions).toEqual([
    { revision: 1, oldValue: null, newValue: contactsBefore },
    { revision: 2, oldValue: contactsBefore, newValue: 1750 },
  ]);
});

test("the upload handler enforces the limits itself and answers a plain form post with a redirect", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  const file = (name: string, buffer: Buffer, mimeType = CSV_TYPE) => ({ file: { name, mimeType, buffer } });
  const big = await page.request.post(API, {
    multipart: file("big.csv", Buffer.alloc(6 * 1024 * 1024, 0x41)),
    headers: { Accept: "application/json" },
  });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false, message: "The selected file must be smaller than 5 MB" });
  const pdf = await page.request.post(API, {
    multipart: file("values.pdf", Buffer.from("%PDF-1.7"), "application/pdf"),
    headers: { Accept: "application/json" },
  });
  expect(pdf.status()).toBe(422);
  expect(await pdf.json()).toMatchObject({ message: "The selected file must be a CSV or XLSX file" });
  const foreign = await page.request.post(API, {
    multipart: file("v.csv", Buffer.from("code,value\nCONTACTS,1\n")),
    headers: { Accept: "application/json", Origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);

  const plain = await page.request.post(API, { multipart: file("v.csv", Buffer.from("code,value\nCONTACTS,1\n")), maxRedirects: 0 });
  expect(plain.status()).toBe(303);
  expect(plain.headers().location).toMatch(new RegExp(`^${UPLOAD}/[0-9a-f-]{36}$`));
  const refused = await page.request.post(API, { multipart: file("v.csv", Buffer.from("code;value\n")), maxRedirects: 0 });
  expect(refused.status()).toBe(303);
  await page.goto(refused.headers().location);
  await expect(page.locator(".govuk-error-summary")).toContainText("separates columns with semicolons");
  await expectAccessible(page);
});

test("other roles are refused the pages (403) and the upload handler (403), and nothing is stored", async ({ page }) => {
  await as(page, ACCOUNTS.admin);
  await page.goto(UPLOAD);
  await upload(page, "one.csv", Buffer.from("code,value\nCONTACTS,1800\n"));
  await expect(page.getByRole("heading", { level: 1, name: "Check your file" })).toBeVisible();
  const preview = new URL(page.url()).pathname;
  const batches = await one<{ n: string }>(`select count(*) as n from "ImportBatch"`);

  for (const email of [ACCOUNTS.leadDemand, ACCOUNTS.director, ACCOUNTS.panel]) {
    await as(page, email);
    for (const url of [UPLOAD, preview]) {
      const res = await page.goto(url);
      expect(res?.status(), `${email} ${url}`).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    const post = await page.request.post(API, {
      multipart: { file: { name: "v.csv", mimeType: CSV_TYPE, buffer: Buffer.from("code,value\nCONTACTS,1\n") } },
      headers: { Accept: "application/json" },
    });
    expect(post.status(), email).toBe(403);
    expect(await post.json()).toEqual({ ok: false, message: "You do not have access to do that" });
  }
  await expectAccessible(page);
  await page.context().clearCookies();
  const anonymous = await page.request.post(API, {
    multipart: { file: { name: "v.csv", mimeType: CSV_TYPE, buffer: Buffer.from("code,value\n") } },
  });
  expect(anonymous.status()).toBe(401);
  expect((await one<{ n: string }>(`select count(*) as n from "ImportBatch"`)).n).toBe(batches.n);
  expect((await storedValues()).find((v) => v.code === "CONTACTS")?.value).toBe(1750);
});
