// GOV.UK services work without JavaScript: with scripts off (javaScriptEnabled: false), a person signs
// in, a lead saves and submits commentary, the director approves it and the panel reads a pack. Each form is a real <form> posting to a server action.
// A month of its own (not August 2019, which the demo journey needs untouched until it runs).
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible } from "./fixtures";
import { one, query } from "./db";

const MONTH = "2016-03";
const SECTION = `/periods/${MONTH}/sections/child-protection`;
const NOT_RIGHT = /The email address or password is not right/;

const commentaryStatus = async () =>
  (
    await one<{ status: string }>(
      `select c.status from "Commentary" c join "Section" s on s.id = c."sectionId" join "Period" p on p.id = c."periodId" where s.slug = 'child-protection' and p.month = $1`,
      [MONTH],
    )
  ).status;

async function signInWithForm(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test.beforeAll(async () => {
    await query(
      `insert into "Period" (id, month, "panelMeetingDate", status, "updatedAt") values (gen_random_uuid(), $1, '2016-04-21', 'OPEN', now()) on conflict do nothing`,
      [MONTH],
    );
  });

  test("sign-in answers an empty form and a wrong password on the fields, then signs in and out", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
    await expect(page.locator("#email-error")).toContainText("Enter your email address");
    await expect(page.locator("#password-error")).toContainText("Enter your password");

    await page.getByLabel("Email address").fill(ACCOUNTS.leadProtection);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(summary.getByRole("link", { name: NOT_RIGHT })).toHaveAttribute("href", "#password");
    await expect(page.locator("#password-error")).toContainText(NOT_RIGHT);
    // What was typed is kept, except the password.
    await expect(page.getByLabel("Email address")).toHaveValue(ACCOUNTS.leadProtection);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your sections" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.locator(".govuk-notification-banner")).toContainText("You have signed out");
    expect(await page.request.get("/api/auth/session").then((r) => r.json())).toEqual({});
  });

  test("sign-in returns to the page asked for", async ({ page }) => {
    await page.goto(SECTION);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email address").fill(ACCOUNTS.leadProtection);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(SECTION);
  });

  test("a lead saves and submits commentary, the director approves it, the panel reads a pack", async ({ page }) => {
    await signInWithForm(page, ACCOUNTS.leadProtection);
    await page.goto(SECTION);
    await page.getByLabel("Commentary").fill("Child protection plans held steady in March.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Draft saved");
    expect(await commentaryStatus()).toBe("DRAFT");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Commentary submitted for review");
    expect(await commentaryStatus()).toBe("SUBMITTED");

    await signInWithForm(page, ACCOUNTS.director);
    await page.goto(SECTION);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Commentary approved");
    expect(await commentaryStatus()).toBe("APPROVED");

    await signInWithForm(page, ACCOUNTS.panel);
    await page.goto("/packs/2019-07");
    await expect(page.getByRole("heading", { level: 1, name: /July 2019/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Demand" }).first()).toBeVisible();
  });

  test("a refused page and a missing pack say what happened, with their status", async ({ page }) => {
    await signInWithForm(page, ACCOUNTS.panel);
    const refused = await page.goto("/periods/2019-08");
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await expect(page).toHaveTitle(/^You do not have access/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const missing = await page.goto("/packs/2019-08");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle(/^Page not found/);
    await expect(page).toHaveURL("/packs/2019-08");
    // axe needs scripts: the same pages are checked with them below.
  });

  test("Forgotten your password? says how to get a new one", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgotten your password" })).toBeVisible();
    await expect(page.locator("main")).toContainText("works for 72 hours");
  });
});

test.describe("with JavaScript", () => {
  test("the sign-in page's messages are accessible; a wrong password is on the field and the summary links to it", async ({ page }) => {
    await page.goto("/login?signedOut=1");
    await expect(page.locator(".govuk-notification-banner[role=alert]")).toContainText("You have signed out");
    await expectAccessible(page);
    await page.getByLabel("Email address").fill(ACCOUNTS.panel);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByLabel("Password").press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(page.locator("#password-error")).toContainText(NOT_RIGHT);
    await expectAccessible(page);
    await summary.getByRole("link", { name: NOT_RIGHT }).click();
    await expect(page.getByLabel("Password")).toBeFocused();
    // With JavaScript the form is not reset: what was typed is still there to correct.
    await expect(page.getByLabel("Password")).toHaveValue("not-the-password");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Performance packs" })).toBeVisible();

    await page.goto("/login/forgotten-password");
    await expectAccessible(page);
  });

  test("the server-rendered 403 and 404 keep their address once scripts run", async ({ page }) => {
    await signInWithForm(page, ACCOUNTS.panel);
    await page.goto("/packs/2019-08");
    await page.waitForFunction(() => typeof (window as unknown as { next?: object }).next === "object");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveURL("/packs/2019-08");
    await expectAccessible(page);
    await page.goto("/periods/2019-08");
    await page.waitForFunction(() => typeof (window as unknown as { next?: object }).next === "object");
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await expect(page).toHaveURL("/periods/2019-08");
    await expect(page).toHaveTitle(/^You do not have access/);
    await expectAccessible(page);
  });
});
