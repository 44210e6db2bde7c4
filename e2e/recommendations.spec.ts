// Recommendations in the browser, by keyboard: the administrator records one the panel made at the
// July 2019 pack's meeting (22 August 2019), refused field by field first; the director records the
// executive's response, accepted with one action; the tracker shows it. Every page is checked by axe.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, expectResultFocused, signInAs } from "./fixtures";
import { query } from "./db";

const TEXT = `Audit the quality of child protection plans every quarter (${Date.now().toString(36)})`;
const ACTION = "Quarterly audit of twenty plans";

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

/** Focus a field and type into it, as a keyboard user does. */
async function type(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label, { exact: typeof label === "string" }).focus();
  await page.keyboard.type(text);
}

async function press(page: Page, button: string) {
  await page.getByRole("button", { name: button }).focus();
  await page.keyboard.press("Enter");
}

test.afterAll(async () => {
  await query(`delete from "Recommendation" where text = $1`, [TEXT]);
});

test.setTimeout(180_000);

test("the administrator records a recommendation and the director records the executive's accepted response, by keyboard", async ({
  page,
}) => {
  await as(page, ACCOUNTS.admin);
  await page.goto("/recommendations");
  await expect(page.getByRole("heading", { level: 1, name: "Recommendations" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Recommendations" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record a recommendation" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/recommendations\/new$/);

  // Nothing filled in: each field says what is missing, and the summary links to it.
  await press(page, "Record recommendation");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Choose the meeting the panel made the recommendation at");
  await expect(summary).toContainText("Enter the recommendation");
  await expect(summary).toContainText("Enter who the recommendation is addressed to");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("22 August 2019").focus();
  await page.keyboard.press("Space");
  await type(page, "The recommendation", TEXT);
  await type(page, "Who is it addressed to?", "Cabinet Member for Children's Services");
  await page.getByRole("group", { name: "Sections it concerns (optional)" }).getByRole("checkbox").first().focus();
  await page.keyboard.press("Space");
  // One indicator, from the list behind "Choose indicators": opened and ticked by keyboard.
  await page.getByText("Choose indicators").focus();
  await page.keyboard.press("Enter");
  await page.locator('input[name="indicatorCodes"][value="CP_PLANS"]').focus();
  await page.keyboard.press("Space");
  await press(page, "Record recommendation");
  await expectResultFocused(page, "Recommendation recorded");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Recommendation \d+ of 22 August 2019$/);
  await expect(page.locator("main")).toContainText(TEXT);
  await expect(page.locator("main")).toContainText("22 October 2019");
  await expectAccessible(page);
  const url = page.url().replace(/\?.*$/, "");
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const [stored] = await query<{ status: string; responseDue: string }>(
    `select status, to_char("responseDue", 'YYYY-MM-DD') as "responseDue" from "Recommendation" where text = $1`,
    [TEXT],
  );
  expect(stored).toEqual({ status: "AWAITING_RESPONSE", responseDue: "2019-10-22" });

  // The director: accepted, but no action yet, is refused; then one action with its owner and date.
  await as(page, ACCOUNTS.director);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Record the executive\u2019s response" })).toBeVisible();
  await page.getByLabel("Accepted", { exact: true }).focus();
  await page.keyboard.press("Space");
  await type(page, "The executive's reasons", "The Cabinet Member agreed that regular audits will lift the quality of plans.");
  await press(page, "Record response");
  await expect(summary).toContainText("Add at least one action the executive agreed");
  await expect(page.getByLabel("Accepted", { exact: true })).toBeChecked();
  await expect(page.getByLabel("The executive's reasons")).toHaveValue(/regular audits/);
  await expectAccessible(page);

  await type(page, "What will be done (action 1)", ACTION);
  await type(page, "Who owns it (action 1)", "Head of Safeguarding");
  const due = page.getByRole("group", { name: "Due date (action 1)" });
  await due.getByLabel("Day").focus();
  await page.keyboard.type("31");
  await page.keyboard.press("Tab");
  await page.keyboard.type("10");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2019");
  await press(page, "Record response");
  await expectResultFocused(page, "The executive's response has been recorded");
  const actions = page.getByRole("table", { name: "Actions agreed" });
  await expect(actions).toContainText(ACTION);
  await expect(actions).toContainText("Head of Safeguarding");
  await expect(actions).toContainText("31 October 2019");
  await expect(page.getByText("Add a progress update")).toBeVisible();
  await expectAccessible(page);
  const [after] = await query<{ status: string; actions: number; due: string }>(
    `select r.status, count(a.id)::int as actions, to_char(min(a."dueDate"), 'YYYY-MM-DD') as due
       from "Recommendation" r join "RecommendationAction" a on a."recommendationId" = r.id where r.text = $1 group by r.status`,
    [TEXT],
  );
  expect(after).toEqual({ status: "ACCEPTED", actions: 1, due: "2019-10-31" });

  // The tracker shows it accepted.
  await page.goto("/recommendations");
  const row = page
    .getByRole("table", { name: "Open recommendations" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText("Accepted");
  await expect(row).toContainText("Cabinet Member for Children's Services");
  await expectAccessible(page);

  // The next pack (August 2019, as the director previews it before sign-off, when it is frozen) carries
  // it in its Recommendations part, with the response and the action, and marks the indicator's row.
  await page.goto("/packs/2019-08?preview=1");
  const part = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Recommendations" }) });
  const item = part.locator("article", { hasText: TEXT });
  await expect(item).toContainText(name);
  await expect(item).toContainText("Accepted");
  await expect(item).toContainText(ACTION);
  await expect(item).toContainText("Head of Safeguarding, by 31 October 2019");
  await expect(page.locator("#ind-CP_PLANS")).toContainText("Recommendation open");
  await expect(page.getByRole("link", { name: "Recommendations" }).first()).toBeVisible();
  await expectAccessible(page);
});
