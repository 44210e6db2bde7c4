// A panel member asks a question about one indicator of the July 2019 pack, from the link on its row;
// the lead who owns its section answers it and the director approves the answer, by keyboard; the
// answer then stands in the pack's "Questions from the panel" and in its PDF. The demo's meeting is
// in the past, so the test moves it to 2100 for its run (and back), which opens questions; once it
// is back, the form says when questions closed and asks nothing.
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { ACCOUNTS, expectAccessible, expectResultFocused, signInAs } from "./fixtures";
import { one, query } from "./db";

/** Focus a control and press Enter on it: the keyboard, not the mouse. */
async function activate(page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

const MONTH = "2019-07";

test("a panel member asks about an indicator, sees it as theirs, and the lead sees it to answer", async ({ page }) => {
  const before = await one<{ d: string }>(`SELECT "panelMeetingDate"::text AS d FROM "Period" WHERE month = $1`, [MONTH]);
  await query(`UPDATE "Period" SET "panelMeetingDate" = '2100-01-07' WHERE month = $1`, [MONTH]);
  try {
    await signInAs(page, ACCOUNTS.panel);
    // From the indicator's row in the published pack (the stored page, with no script).
    await page.goto(`/packs/${MONTH}`);
    await activate(page, page.locator(`#ind-CP_PLANS a[href="/packs/${MONTH}/questions/new?about=indicator:CP_PLANS"]`));
    await expect(page).toHaveURL(new RegExp(`/packs/${MONTH}/questions/new\\?about=indicator:CP_PLANS$`));
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
    // The month's page counts what waits, and what waits for this lead (read in its one statement).
    await page.goto(`/periods/${MONTH}`);
    const waiting = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "PanelQuestion" q JOIN "Period" p ON p.id = q."periodId" WHERE p.month = $1 AND q.status <> 'APPROVED'`,
      [MONTH],
    );
    await expect(page.locator("main")).toContainText(
      new RegExp(`Questions from the panel: ${waiting.n} waiting for an answer \\([1-9]\\d* for you to answer or review\\)`),
    );
    await page.goto(`/periods/${MONTH}/questions`);
    await expectAccessible(page);
    await page.locator(`a[href="/periods/${MONTH}/questions/${row.id}"]`).click();
    await expect(page.getByText(body)).toBeVisible();
    const answer = `More children were assessed as at risk in June and July (${Date.now().toString(36)}).`;
    await page.getByLabel("Answer").fill(answer);
    await activate(page, page.getByRole("button", { name: "Send for approval" }));
    await expectResultFocused(page, "Answer sent to the director for approval");
    await expectAccessible(page);

    // The director approves it, by keyboard.
    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.director);
    await page.goto(`/periods/${MONTH}/questions/${row.id}`);
    await expect(page.getByText(answer)).toBeVisible();
    await expectAccessible(page);
    await activate(page, page.getByRole("button", { name: "Approve answer" }));
    await expectResultFocused(page, /approved/i);
    const approved = await one<{ status: string; hash: string }>(
      `SELECT q.status::text, v."contentHash" AS hash FROM "PanelQuestion" q JOIN "PackVersion" v ON v."periodId" = q."periodId" WHERE q.id = $1`,
      [row.id],
    );
    expect(approved.status).toBe("APPROVED");

    // The member reads it in the pack, beside the signed-off pack, with its own line in the amendment log.
    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}`);
    const annex = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Questions from the panel" }) });
    const entry = annex.locator("article", { hasText: body });
    await expect(entry).toContainText(answer);
    await expect(entry.getByRole("link", { name: /child protection plan/i })).toHaveAttribute("href", "#ind-CP_PLANS");
    await expect(page.locator("section", { has: page.locator("#amendments-title") })).toContainText("from the panel added");
    await expectAccessible(page);
    // The signed-off pack itself is unchanged: the same content hash.
    const hashNow = await one<{ hash: string }>(
      `SELECT v."contentHash" AS hash FROM "PackVersion" v JOIN "Period" p ON p.id = v."periodId" WHERE p.month = $1 ORDER BY v.version DESC LIMIT 1`,
      [MONTH],
    );
    expect(hashNow.hash).toBe(approved.hash);

    // And in its PDF, printed again with the addendum.
    const pdf = await page.request.get(`/packs/${MONTH}/pdf`);
    expect(pdf.status()).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Questions from the panel");
    expect(flat).toContain(answer);
  } finally {
    await query(`UPDATE "Period" SET "panelMeetingDate" = $2 WHERE month = $1`, [MONTH, before.d]);
  }

  // With the meeting back on 22 August 2019, questions closed at the end of 16 August: the form says so and asks nothing.
  await page.goto(`/packs/${MONTH}/questions/new`);
  await expect(page.locator("main")).toContainText("closed at the end of 16 August 2019");
  await expect(page.getByRole("button", { name: "Send question" })).toHaveCount(0);
  await expectAccessible(page);
});
