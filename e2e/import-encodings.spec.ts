// The files Excel writes, uploaded as a person would: plain "CSV" on Windows (Windows-1252) and
// "Unicode Text" (UTF-16 LE, tab-separated) keep Café “quoted” € intact, and the preview names the
// encoding; a NUL character in a UTF-16 file is refused naming its row and column, not a 500.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";

const MONTH = "2021-03";
const UPLOAD = `/periods/${MONTH}/import`;
const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "files", name));

const storedNotes = () =>
  query<{ code: string; value: number; note: string }>(
    `select i.code, v.value, v.note from "IndicatorValue" v join "Indicator" i on i.id = v."indicatorId"
       join "Period" p on p.id = v."periodId" where p.month = $1 order by i.code`,
    [MONTH],
  );

const summaryValue = (page: Page, key: string) =>
  page.locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) }).locator("dd");

// A month of its own, empty before each test and gone after (its values and batches go with it).
test.beforeEach(async () => {
  await query(`delete from "Period" where month = $1`, [MONTH]);
  await query(`insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2021-04-22', now())`, [
    MONTH,
  ]);
});
test.afterAll(async () => {
  await query(`delete from "Period" where month = $1`, [MONTH]);
});

for (const [name, mimeType, encoding] of [
  ["excel-windows-1252.csv", "text/csv", "Windows-1252"],
  ["excel-unicode-text.txt", "text/plain", "UTF-16 LE"],
] as const) {
  test(`${name}, as Excel writes it, imports with Café “quoted” € intact and the preview says ${encoding}`, async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(UPLOAD);
    await page.getByLabel("Upload a file").setInputFiles({ name, mimeType, buffer: fixture(name) });
    await page.getByRole("button", { name: "Upload and check the file" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your file" })).toBeVisible();
    await expect(summaryValue(page, "Text encoding")).toHaveText(encoding);
    await expect(page.locator("tbody tr", { hasText: "CONTACTS" })).toContainText("(note: Café “quoted” €)");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm import" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "2 values imported" })).toBeVisible();
    expect(await storedNotes()).toEqual([
      { code: "CONTACTS", value: 1337, note: "Café “quoted” €" },
      { code: "CP_PLANS", value: 456, note: "Checked by O’Brien – see £ total" },
    ]);
  });
}

test("a UTF-16 file holding a NUL character is refused naming the row and column, and nothing is stored", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  const text = `indicator_code,period,value,note\r\nCONTACTS,${MONTH},1337,fine\r\nCP_PLANS,${MONTH},456,bad\u0000note\r\n`;
  const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const res = await page.request.post(`/api/periods/${MONTH}/imports`, {
    multipart: { file: { name: "unicode.csv", mimeType: "text/csv", buffer } },
    headers: { Accept: "application/json" },
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { message: string }).message).toBe(
    "Row 3, column note, holds a NUL character (an invisible control character that cannot be stored): delete it and upload the file again",
  );
  expect(await query(`select b.id from "ImportBatch" b join "Period" p on p.id = b."periodId" where p.month = $1`, [MONTH])).toEqual([]);
});
